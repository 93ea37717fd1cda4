"""HTML pages (forms published as web tables, the project's own HTML export).

Many finance bureaus publish the self-evaluation forms as HTML tables. The stdlib
parser collects each ``<table>``'s cells with their ``colspan``/``rowspan``; cells are
placed on the grid the way browsers do (skipping slots taken by row spans from above),
so a merged cell appears in every row it spans, as the mapper expects. Headings,
paragraphs and captions outside tables become one-cell rows in document order (titles,
"(2022年度)", "单位：万元"). Script and style contents are ignored.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from jixiao.importers.grid import Cell, Row
from jixiao.importers.mapper import FormMapper
from jixiao.importers.result import ImportResult

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "li", "title", "header", "footer", "section", "br"}
_SKIP = {"script", "style", "head", "noscript", "template"}
MAX_CELLS = 200_000


def looks_like_html(text: str) -> bool:
    head = text[:4096].lower()
    return "<table" in text.lower() and ("<html" in head or "<!doctype" in head or "<td" in text.lower())


class _Table:
    def __init__(self) -> None:
        self.rows: list[list[tuple[str, int, int]]] = []  # (text, colspan, rowspan)


class _Collector(HTMLParser):
    """Document order list of items: ("text", str) and ("table", _Table)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, object]] = []
        self.tables: list[_Table] = []
        self.cell: list[str] | None = None
        self.cell_spans = (1, 1)
        self.cells_stack: list[tuple[list[str] | None, tuple[int, int]]] = []
        self.free: list[str] = []
        self.skip = 0
        self.count = 0
        self.caption: list[str] | None = None

    def _flush_free(self) -> None:
        text = " ".join("".join(self.free).split())
        if text:
            self.items.append(("text", text))
        self.free = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "table":
            if not self.tables:
                self._flush_free()
            self.cells_stack.append((self.cell, self.cell_spans))
            self.cell = None
            table = _Table()
            self.tables.append(table)
            self.items.append(("table", table))
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag == "caption" and self.tables:
            self.caption = []
        elif tag in ("td", "th") and self.tables:
            a = dict(attrs)
            self.cell = []
            self.cell_spans = (_span(a.get("colspan")), _span(a.get("rowspan")))
        elif tag in _BLOCK:
            if self.cell is not None:
                self.cell.append("\n")
            elif not self.tables:
                self._flush_free()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "caption" and self.caption is not None:
            text = " ".join("".join(self.caption).split())
            if text:  # a table's caption is printed above it: it goes before the table
                at = next(k for k in range(len(self.items) - 1, -1, -1) if self.items[k][1] is self.tables[-1])
                self.items.insert(at, ("text", text))
            self.caption = None
        elif tag in ("td", "th") and self.tables and self.cell is not None:
            table = self.tables[-1]
            if not table.rows:
                table.rows.append([])
            self.count += 1
            if self.count <= MAX_CELLS:
                table.rows[-1].append(("".join(self.cell), *self.cell_spans))
            self.cell = None
        elif tag == "table" and self.tables:
            self.tables.pop()
            self.cell, self.cell_spans = self.cells_stack.pop() if self.cells_stack else (None, (1, 1))
        elif tag in _BLOCK and self.cell is None and not self.tables:
            self._flush_free()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.caption is not None:
            self.caption.append(data)
        elif self.cell is not None:
            self.cell.append(data)
        elif not self.tables:
            self.free.append(data)

    def close(self) -> None:
        super().close()
        self._flush_free()


def _span(value: str | None) -> int:
    m = re.match(r"\s*(\d+)", value or "")
    return max(1, min(int(m.group(1)), 500)) if m else 1


def _rows(table: _Table, number: int) -> list[Row]:
    """Place cells like a browser: row spans from above take their slots first."""
    taken: dict[int, dict[int, Cell]] = {}
    out: list[Row] = []
    for r, tr in enumerate(table.rows):
        slots = taken.setdefault(r, {})
        c = 0
        for text, colspan, rowspan in tr:
            while c in slots:
                c += 1
            cell = Cell(text.split("\n"), c, c + colspan, ref=f"T{number}!R{r + 1}C{c + 1}")
            for dr in range(min(rowspan, len(table.rows) - r)):
                row_slots = taken.setdefault(r + dr, {})
                for dc in range(colspan):
                    row_slots[c + dc] = cell
            c += colspan
        cells: list[Cell] = []
        for _c, cell in sorted(taken.pop(r).items()):
            if not cells or cells[-1] is not cell:
                cells.append(cell)
        out.append(Row(cells, index=r))
    return out


def strip_tags(text: str) -> str:
    """The visible text of a page, one block per line (for the text-dump parser)."""
    parser = _Collector()
    parser.feed(text)
    parser.close()
    lines: list[str] = []
    for kind, item in parser.items:
        if kind == "text":
            lines.append(str(item))
        else:
            assert isinstance(item, _Table)
            lines += [" ".join(" ".join(t.split()) for t, _c, _r in tr) for tr in item.rows]
    return "\n".join(lines) + "\n"


def read_html(text: str, name: str | None) -> ImportResult:
    parser = _Collector()
    parser.feed(text)
    parser.close()
    mapper = FormMapper(name)
    number = 0
    for kind, item in parser.items:
        if kind == "text":
            mapper.feed([Row([Cell([str(item)], 0, 1000)], index=-1)])
        else:
            number += 1
            assert isinstance(item, _Table)
            mapper.feed(_rows(item, number))
    forms, issues = mapper.finish()
    return ImportResult.of(forms, issues, "html")
