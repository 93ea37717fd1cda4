"""The HTML export: a real, accessible table in the official layout, self-contained, snapshot."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.exporters import export_forms
from jixiao.exporters.html import split_text
from tests import strategies
from tests.exporters.conftest import check_snapshot


class Grid(HTMLParser):
    """Collects tables as rows of (tag, attrs, text) and every URL-bearing attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self.urls: list[str] = []
        self.cell: list | None = None
        self.in_caption = False
        self.html_lang: str | None = None
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        for key in ("src", "href"):
            if key in a and not a[key].startswith("#"):
                self.urls.append(a[key])
        if tag == "link":
            self.links.append(a.get("href", ""))
        if tag == "table":
            self.tables.append({"caption": "", "rows": [], "thead": 0})
        elif tag == "caption":
            self.in_caption = True
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag == "thead":
            self.tables[-1]["thead"] += 1
        elif tag in ("td", "th"):
            self.cell = [tag, a, ""]
            self.tables[-1]["rows"][-1].append(self.cell)

    def handle_endtag(self, tag):
        if tag == "caption":
            self.in_caption = False
        elif tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data):
        if self.in_caption:
            self.tables[-1]["caption"] += data
        elif self.cell is not None:
            self.cell[2] += data


def parse(html: bytes) -> Grid:
    g = Grid()
    g.feed(html.decode("utf-8"))
    return g


@pytest.fixture(scope="module")
def sample_html(samples) -> bytes:
    return export_forms(samples, "html")


def test_two_tables_per_form_with_captions_and_header_cells(samples, sample_html):
    g = parse(sample_html)
    assert g.html_lang == "zh-CN"
    assert len(g.tables) == 2 * len(samples)
    head, body = g.tables[0], g.tables[1]
    assert head["caption"] == "财政项目支出绩效自评表(2022 年度)"
    assert body["caption"].startswith("绩效指标") and samples[0].project_name in body["caption"]
    assert body["thead"] == 1
    header = [c[2] for c in body["rows"][0] if c[0] == "th"]
    assert header == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    assert all(c[1].get("scope") == "col" for c in body["rows"][0] if c[0] == "th")
    # every header cell says what it heads
    for table in g.tables:
        for row in table["rows"]:
            for tag, attrs, _ in row:
                if tag == "th":
                    assert attrs.get("scope") in ("col", "row", "rowgroup", "colgroup")


def test_cells_show_the_form_as_printed(samples, sample_html):
    g = parse(sample_html)
    cells = {c[1].get("data-field"): c[2] for t in g.tables[:2] for r in t["rows"] for c in r if c[1].get("data-field")}
    assert cells["project_name"] == "公务员管理工作经费"
    assert cells["funds.total.initial_budget"] == "13,414,500"
    assert cells["funds.carryover.initial_budget"] == "-"
    assert cells["execution.rate_percent"] == "89.61%"
    assert cells["indicators[0].target"] == "300-400人"
    assert cells["total_score"] == "94.9"
    # merged 一级/二级 cells: rowspans add up to the indicator count
    body = g.tables[1]["rows"][1:-1]
    level1 = [c for r in body for c in r if c[1].get("data-field", "").endswith(".level1")]
    assert sum(int(c[1].get("rowspan", 1)) for c in level1) == len(samples[0].indicators)
    assert [c[2] for c in level1] == ["产出指标", "效益指标", "满意度指标"]


def test_self_contained_and_printable(sample_html):
    g = parse(sample_html)
    assert g.urls == [] and g.links == []  # nothing fetched from anywhere
    text = sample_html.decode()
    assert "@page" in text and "break-inside: avoid" in text and "counter(page)" in text
    assert not re.search(r"https?://", text)


def test_english(samples):
    g = parse(export_forms(samples[:1], "html", lang="en"))
    assert g.html_lang == "en"
    assert g.tables[0]["caption"].startswith("Performance Self-Evaluation Form")
    assert "Level 1" in [c[2] for c in g.tables[1]["rows"][0]]


def test_text_is_escaped(samples):
    form = samples[3].evolve(project_name="<script>alert(1)</script> & 《项目》")
    html = export_forms([form], "html").decode()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_split_text_cuts_at_sentence_ends_and_loses_nothing():
    text = "一二三四五。六七八九十。" * 10
    parts = split_text(text, 4)
    assert "".join(parts) == text and len(parts) == 4
    assert all(p.endswith("。") for p in parts)
    assert split_text("abc", 1) == ["abc"]


def _normalise(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", "<style>…</style>", html, flags=re.S)
    return re.sub(r">\s+<", ">\n<", html).strip() + "\n"


def test_html_snapshot(samples):
    check_snapshot("sample-form-1.html", _normalise(export_forms(samples[:1], "html").decode()))
    check_snapshot("sample-form-4.en.html", _normalise(export_forms(samples[3:], "html", lang="en").decode()))


class FieldReader(HTMLParser):
    """Reads a form back from the exported HTML's ``data-field`` cells (merged 一级/二级
    cells carry their field once, with a rowspan; chunked long text repeats its field)."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.spans: dict[str, int] = {}
        self.current: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("td", "th", "span") and a.get("data-field"):
            self.current = a["data-field"]
            self.fields.setdefault(self.current, "")
            self.spans[self.current] = int(a.get("rowspan", 1))

    def handle_endtag(self, tag):
        if tag in ("td", "th", "span"):
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.fields[self.current] += data


def _number(text: str | None):
    from decimal import Decimal

    if text in (None, "", "-"):
        return None
    return Decimal(text.replace(",", "").rstrip("%"))


def read_html_form(html: str, n_indicators: int):
    from jixiao.core.model import (
        FUND_COLUMNS,
        FUND_ROWS,
        Execution,
        Form,
        FundRow,
        Funds,
        Goals,
        Indicator,
    )

    r = FieldReader()
    r.feed(html)
    f = r.fields

    def text(path: str) -> str | None:
        return f.get(path) or None

    inds = []
    level = {"level1": None, "level2": None}
    left = {"level1": 0, "level2": 0}
    for i in range(n_indicators):
        for key in ("level1", "level2"):
            path = f"indicators[{i}].{key}"
            if path in f:
                level[key], left[key] = text(path), r.spans[path]
            elif left[key] <= 0:
                level[key] = None
            left[key] -= 1
        p = f"indicators[{i}]"
        inds.append(Indicator(level["level1"], level["level2"], text(f"{p}.name"), text(f"{p}.target"),
                              text(f"{p}.actual"), _number(text(f"{p}.weight")), _number(text(f"{p}.score")),
                              text(f"{p}.deviation")))
    year = re.search(r"\d{4}", f.get("year", ""))
    return Form(
        year=int(year.group()) if year else None,
        project_name=text("project_name"), department=text("department"),
        implementing_unit=text("implementing_unit"),
        amount_unit=re.search(r"（(.+)）", f["amount_unit"]).group(1),
        funds=Funds(**{row: FundRow(*(_number(text(f"funds.{row}.{c}")) for c in FUND_COLUMNS)) for row in FUND_ROWS}),
        execution=Execution(*(_number(text(f"execution.{k}")) for k in ("weight", "rate_percent", "score"))),
        goals=Goals(text("goals.expected"), text("goals.actual")),
        indicators=tuple(inds),
        total_score=_number(text("total_score")),
    )


@settings(max_examples=60, deadline=None)
@given(form=strategies.form, long_goal=st.booleans())
def test_html_round_trip_generated_forms(form, long_goal):
    if long_goal:  # spread over chunk rows
        form = form.evolve(goals=form.goals.__class__("目标。" * 400 + (form.goals.expected or ""), form.goals.actual))
    html = export_forms([form], "html").decode()
    assert read_html_form(html, len(form.indicators)) == form.evolve(amount_unit=form.unit)


def test_language_tags_and_unknown_formats(samples):
    assert parse(export_forms(samples[:1], "html", lang="en-US")).html_lang == "en"
    assert parse(export_forms(samples[:1], "html", lang="zh-CN")).html_lang == "zh-CN"
    with pytest.raises(ValueError):
        export_forms(samples[:1], "docx")
    with pytest.raises(ValueError):
        export_forms(samples[:1], "html", lang="fr")


def test_goals_paragraphs():
    from jixiao.exporters.html import paragraphs_of

    text = "1、完成调研。2、培训1.5万人次；3、(按期)验收。（4）总结。"
    assert [p for p, _ in paragraphs_of(text)] == ["1、完成调研。", "2、培训1.5万人次；", "3、(按期)验收。", "（4）总结。"]
    assert all(indent for _, indent in paragraphs_of(text))
    assert paragraphs_of("续上文。2、新段。", continued=True) == (("续上文。", False), ("2、新段。", True))
    assert "".join(p for p, _ in paragraphs_of(text)) == text
