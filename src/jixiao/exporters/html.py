"""Forms to a self-contained, accessible, printable HTML page (Jinja2).

Each form is two ``<table>`` elements that print as one grid: the head (project, funds,
goals; the caption is the form's title) and the indicator table, whose ``<thead>`` is the
一级指标 … header row, so that a browser or WeasyPrint repeats it on every page. Header
cells are real ``<th scope=…>``; styles are inlined, nothing is fetched from anywhere.

``page_starts`` lets the PDF writer restart merged cells on a new page: a merged 一级/二级
cell (or the vertical 绩效指标) that would run over a page break is cut in two there and
its label printed again on the new page, as the official printed forms do.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from jixiao.core.model import Form
from jixiao.exporters.labels import check_lang, label
from jixiao.exporters.layout import COLUMN_WIDTHS, Cell, FormLayout, form_layout

_ENV = Environment(
    loader=PackageLoader("jixiao.exporters", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def environment() -> Environment:
    return _ENV


def stylesheet() -> str:
    """The shared CSS (screen and print), inlined into every page."""
    return resources.files("jixiao.exporters").joinpath("templates/style.css").read_text("utf-8")


def number_text(value: Decimal) -> str:
    """A Decimal as printed: no exponent, the precision it carries."""
    return format(value, "f")


def display(cell: Cell) -> str:
    """The text a cell shows."""
    value = cell.value
    if isinstance(value, Decimal):
        if cell.kind == "amount":
            return format(value, ",f")
        if cell.kind == "rate":
            return number_text(value) + "%"
        return number_text(value)
    if value is None:
        if cell.kind in ("amount", "rate") or (cell.field or "").startswith("execution."):
            return "-"
        return ""
    return value


@dataclass(frozen=True, slots=True)
class HtmlCell:
    tag: str
    text: str
    attrs: Mapping[str, Any]
    classes: str
    vertical: bool = False


@dataclass(frozen=True, slots=True)
class HtmlRow:
    index: int
    cells: tuple[HtmlCell, ...]
    classes: str = ""


def _html_cell(cell: Cell, lang: str, rowspan: int | None = None, extra_class: str = "") -> HtmlCell:
    tag = "th" if cell.header else "td"
    attrs: dict[str, Any] = {}
    span = cell.rowspan if rowspan is None else rowspan
    if span > 1:
        attrs["rowspan"] = span
    if cell.colspan > 1:
        attrs["colspan"] = cell.colspan
    if cell.header:
        attrs["scope"] = cell.header
    if cell.field:
        attrs["data-field"] = cell.field
    classes = " ".join(c for c in (cell.kind, "empty" if cell.value is None else "", extra_class) if c)
    return HtmlCell(tag, display(cell), attrs, classes, vertical=cell.kind == "vlabel" and lang != "en")


def _rows(layout: FormLayout, sections: Sequence[str], page_starts: Collection[int]) -> list[HtmlRow]:
    """HTML rows of some sections; merged cells are cut at the rows in ``page_starts``."""
    rows = layout.section(*sections)  # type: ignore[arg-type]
    wanted = {r.index for r in rows}
    extra: dict[int, list[tuple[int, HtmlCell]]] = {i: [] for i in wanted}
    out_cells: dict[int, list[tuple[int, HtmlCell]]] = {i: [] for i in wanted}
    for row in rows:
        for cell in row.cells:
            cuts = [s for s in sorted(page_starts) if cell.row < s <= cell.last_row and s in wanted]
            if not cuts:
                out_cells[row.index].append((cell.col, _html_cell(cell, layout.lang)))
                continue
            bounds = [cell.row, *cuts, cell.last_row + 1]
            for k, (a, b) in enumerate(itertools.pairwise(bounds)):
                html = _html_cell(cell, layout.lang, rowspan=b - a, extra_class="cont" if k else "")
                (out_cells if k == 0 else extra)[a].append((cell.col, html))
    result = []
    for row in rows:
        cells = sorted(out_cells[row.index] + extra[row.index], key=lambda t: t[0])
        classes = "page-start" if row.index in page_starts else ""
        result.append(HtmlRow(row.index, tuple(c for _, c in cells), classes))
    return result


def _indicator_parts(layout: FormLayout, page_starts: Collection[int]) -> dict[str, Any]:
    """thead, body and total rows; the vertical 绩效指标 moves from thead into the body."""
    head = layout.section("ind_head")[0]
    vlabel, *head_cells = head.cells
    body_rows = layout.section("indicator")
    body_len = len(body_rows)
    thead = HtmlRow(head.index, (
        HtmlCell("td", "", {"aria-hidden": "true"}, "corner"),
        *(_html_cell(c, layout.lang) for c in head_cells),
    ))
    body: list[HtmlRow] = []
    if body_len:
        moved = Cell(body_rows[0].index, 0, vlabel.value, "vlabel", rowspan=body_len, header="rowgroup")
        patched = FormLayout(layout.form, layout.lang, tuple(
            r if r.index != body_rows[0].index else type(r)(r.index, r.section, (moved, *r.cells))
            for r in layout.rows
        ))
        body = _rows(patched, ["indicator"], page_starts)
    total = _rows(layout, ["total"], ())
    return {"thead": thead, "body": body, "total": total, "caption": f"{vlabel.value} — {layout.form.label}"}


def form_context(layout: FormLayout, page_starts: Collection[int] = ()) -> dict[str, Any]:
    return {
        "layout": layout,
        "title": layout.title,
        "subtitle": layout.subtitle,
        "head": _rows(layout, ["info", "funds", "goals"], ()),
        **_indicator_parts(layout, page_starts),
    }


def page_counter_css(lang: str) -> str:
    """The CSS ``content`` value of the page footer, e.g. ``"第 " counter(page) " 页 …"``."""
    text = label("page", lang, page="\x00", pages="\x01")
    parts: list[str] = []
    literal = ""
    for ch in text:
        if ch in "\x00\x01":
            if literal:
                parts.append('"' + literal.replace('"', '\\"') + '"')
            parts.append("counter(page)" if ch == "\x00" else "counter(pages)")
            literal = ""
        else:
            literal += ch
    if literal:
        parts.append('"' + literal + '"')
    return " ".join(parts)


def widths_percent(widths: Sequence[float] = COLUMN_WIDTHS) -> list[str]:
    total = sum(widths)
    return [f"{100 * w / total:.2f}%" for w in widths]


def forms_html(
    forms: Sequence[Form],
    lang: str = "zh",
    page_starts: Sequence[Collection[int]] | None = None,
) -> str:
    """The HTML page of the forms; ``page_starts[i]`` are row indices of form ``i`` to
    start a printed page at (used by the PDF writer)."""
    check_lang(lang)
    layouts = [form_layout(f, lang) for f in forms]
    starts = page_starts or [()] * len(layouts)
    return _ENV.get_template("forms.html").render(
        lang="zh-CN" if lang == "zh" else "en",
        doc_title=label("title", lang),
        css=stylesheet(),
        widths=widths_percent(),
        forms=[form_context(layout, s) for layout, s in zip(layouts, starts, strict=True)],
        page_content=page_counter_css(lang),
    )


def forms_to_html(forms: Sequence[Form], lang: str = "zh") -> bytes:
    return forms_html(forms, lang).encode("utf-8")
