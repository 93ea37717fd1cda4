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
import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from jixiao.core.model import Form
from jixiao.exporters.labels import check_lang, label
from jixiao.exporters.layout import COLUMN_WIDTHS, Cell, FormLayout, Row, form_layout

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
    paragraphs: tuple[tuple[str, bool], ...] = ()
    """For 年度总体目标 text: (paragraph, indented) pairs, shown as on printed forms."""


@dataclass(frozen=True, slots=True)
class HtmlRow:
    key: str
    """``"12"`` for logical row 12, ``"10.2"`` for the third chunk row of row 10."""
    cells: tuple[HtmlCell, ...]
    classes: str = ""


def _html_cell(
    cell: Cell, lang: str, rowspan: int | None = None, extra_class: str = "", continued: bool = False
) -> HtmlCell:
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
    text = display(cell)
    paragraphs = paragraphs_of(text, continued) if cell.kind == "long" and text else ()
    return HtmlCell(tag, text, attrs, classes, vertical=cell.kind == "vlabel" and lang != "en", paragraphs=paragraphs)


_ENUMERATED = re.compile(r"(?<=[。；;])(?=[（(]?\d{1,2}(?:[、．）)]|\.(?!\d)))")


def paragraphs_of(text: str, continued: bool = False) -> tuple[tuple[str, bool], ...]:
    """Goals text in its numbered paragraphs (1、… 2、…), as printed forms set it; the data
    keeps the text joined. A chunk that continues a paragraph is not indented."""
    parts = [p for p in _ENUMERATED.split(text) if p]
    return tuple((p, i > 0 or not continued or bool(_ENUMERATED.match("。" + p))) for i, p in enumerate(parts))


SPLIT_LINES = 30
CHUNK_LINES = 15
"""A cell whose text wraps to more than ``SPLIT_LINES`` lines (a 2,000-character 年度总体目标,
a long 偏差原因) is printed over several table rows of about ``CHUNK_LINES`` lines each,
cut at sentence ends, with the rule between them hidden; the row's other cells span the
chunks. Rows never split across pages, so such a cell could not otherwise fit below the
form's head, nor be closed at the foot of a page."""
_CJK_UNITS = 1.9
"""A CJK character is about 1.9 column-width units wide at the printed size."""


def _lines(cell: Cell, widths: Sequence[float]) -> float:
    """About how many lines the cell's text wraps to (0 for non-text cells)."""
    if cell.kind not in ("long", "text") or not isinstance(cell.value, str):
        return 0.0
    return len(cell.value) * _CJK_UNITS / max(1.0, sum(widths[cell.col : cell.last_col + 1]) - 1)


_SENTENCE_ENDS = "。；;！？!?\n"


def split_text(text: str, pieces: int, size: float | None = None) -> list[str]:
    """``text`` in ``pieces`` parts of ``size`` characters (default: equal parts), each cut
    after a sentence end when one is near; joined with no separator they give ``text``."""
    if pieces <= 1:
        return [text]
    size = size or len(text) / pieces
    ends = [i + 1 for i, ch in enumerate(text) if ch in _SENTENCE_ENDS]
    parts: list[str] = []
    start = 0
    for j in range(1, pieces):
        target = min(len(text), round(size * j))
        near = [e for e in ends if start < e < len(text) and abs(e - target) <= size * 0.15]
        cut = min(near, key=lambda e: abs(e - target)) if near else max(target, start)
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


def _chunks(row: Row, widths: Sequence[float]) -> int:
    most = max((_lines(c, widths) for c in row.cells), default=0.0)
    return math.ceil(most / CHUNK_LINES) if most > SPLIT_LINES else 1


def _split(cell: Cell, widths: Sequence[float]) -> bool:
    """Whether a cell of a chunked row is cut into pieces (else it spans the chunks)."""
    return _lines(cell, widths) > CHUNK_LINES


def _pieces(row: Row, cell: Cell, widths: Sequence[float], chunks: int) -> list[str | None]:
    """The pieces of one tall cell: as many lines per chunk row as the fullest cell of the
    row puts there, so that no column shows gaps."""
    per_chunk = max(_lines(c, widths) for c in row.cells) / chunks
    text = cell.value if isinstance(cell.value, str) else ""
    size = len(text) * per_chunk / _lines(cell, widths)
    parts = [p for p in split_text(text, chunks, size) if p]
    return [*parts, *[None] * (chunks - len(parts))]


def _rows(layout: FormLayout, sections: Sequence[str], page_starts: Collection[str]) -> list[HtmlRow]:
    """HTML rows of some sections. Merged cells are cut at the rows whose key is in
    ``page_starts`` (and their label repeated); long text is spread over chunk rows."""
    rows = layout.section(*sections)  # type: ignore[arg-type]
    chunks = {r.index: _chunks(r, layout.widths) for r in rows}
    keys = {r.index: [str(r.index)] + [f"{r.index}.{j}" for j in range(1, chunks[r.index])] for r in rows}
    order = [k for r in rows for k in keys[r.index]]  # the physical <tr>s, top to bottom
    position = {k: p for p, k in enumerate(order)}
    slots: dict[str, list[tuple[int, HtmlCell]]] = {k: [] for k in order}
    for row in rows:
        for cell in row.cells:
            if chunks[row.index] > 1 and _split(cell, layout.widths):
                pieces = _pieces(row, cell, layout.widths, chunks[row.index])
                for j, (key, piece) in enumerate(zip(keys[row.index], pieces, strict=True)):
                    html = _html_cell(replace(cell, value=piece), layout.lang, continued=j > 0)
                    slots[key].append((cell.col, html))
                continue
            first = position[str(cell.row)]
            last = position[keys[cell.last_row][-1]] if cell.last_row in keys else first + cell.rowspan - 1
            cuts = [p for p in range(first + 1, last + 1) if order[p] in page_starts]
            for n, (a, b) in enumerate(itertools.pairwise([first, *cuts, last + 1])):
                part = cell if n == 0 or cell.header == "rowgroup" else replace(cell, value=None)
                html = _html_cell(part, layout.lang, rowspan=b - a, extra_class="cont" if n else "")
                slots[order[a]].append((cell.col, html))
    result = []
    for row in rows:
        for j, key in enumerate(keys[row.index]):
            classes = " ".join(c for c in (
                "page-start" if key in page_starts else "",
                "chunk" if j and key not in page_starts else "",
                "chunked" if chunks[row.index] > 1 else "",
            ) if c)
            cells = tuple(c for _, c in sorted(slots[key], key=lambda t: t[0]))
            result.append(HtmlRow(key, cells, classes))
    return result


def _indicator_parts(layout: FormLayout, page_starts: Collection[str]) -> dict[str, Any]:
    """thead, body and total rows; the vertical 绩效指标 moves from thead into the body."""
    head = layout.section("ind_head")[0]
    vlabel, *head_cells = head.cells
    body_rows = layout.section("indicator")
    body_len = len(body_rows)
    thead = HtmlRow(str(head.index), (
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


def form_context(layout: FormLayout, page_starts: Collection[str] = ()) -> dict[str, Any]:
    return {
        "layout": layout,
        "title": layout.title,
        "subtitle": layout.subtitle,
        "head": _rows(layout, ["info", "funds", "goals"], page_starts),
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
    page_starts: Sequence[Collection[str]] | None = None,
) -> str:
    """The HTML page of the forms; ``page_starts[i]`` are the row keys of form ``i`` that
    start a printed page (found and passed by the PDF writer)."""
    lang = check_lang(lang)
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
