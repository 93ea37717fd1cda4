"""A table as positioned cells: the one shape every tabular reader produces.

Spreadsheets, Word tables, ruled PDF pages and OCR'd scans all end up as rows of
:class:`Cell` with horizontal extents. The form mapper (:mod:`.mapper`) then finds the
labels and reads the values by *position* (which header cell a value sits under), not
by column index, so a PDF page that continues a form and has a different set of column
borders still lines up with the header found on the previous page, and merged cells
need no special case: a cell merged over several rows simply appears in each of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

_ASCII_WORD_END = re.compile(r"[A-Za-z]$")
_ASCII_WORD_START = re.compile(r"^[A-Za-z]")


def join_lines(lines: Iterable[str]) -> str:
    """Join the lines of one cell as the form printed them, removing wrap breaks.

    Each line is stripped (indentation in spreadsheet cells is layout, not text);
    Chinese text joins with no separator, two Latin words split by a wrap get a space.
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if out and _ASCII_WORD_END.search(out) and _ASCII_WORD_START.search(line):
            out += " "
        out += line
    return out


@dataclass(slots=True, eq=False)
class Cell:
    """One (possibly merged) cell; ``x0``/``x1`` in the grid's own horizontal unit."""

    lines: list[str]
    x0: float
    x1: float
    ref: str | None = None
    """How the user finds the cell: "D6" in a spreadsheet, "R3C4" on a PDF page."""
    confidence: Decimal | None = None
    """Set by OCR; ``None`` = read exactly."""
    words: list[tuple[float, float, str, int]] | None = None
    """Positioned words (x0, x1, text, line) where known, to split a cell whose border is missing."""
    _text: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = join_lines(self.lines)
        return self._text

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    def covers(self, x: float) -> bool:
        return self.x0 <= x < self.x1


@dataclass(slots=True)
class Row:
    """The cells covering one grid row, left to right (merged cells repeat down rows)."""

    cells: list[Cell]
    page: int | None = None
    sheet: str | None = None
    index: int = 0
    y: float = 0.0
    """Vertical position on the page (PDF), to interleave text printed outside the table."""

    def at(self, x: float) -> Cell | None:
        for c in self.cells:
            if c.covers(x):
                return c
        return None

    def under(self, span: tuple[float, float]) -> Cell | None:
        """The cell printed under a header cell spanning ``span``.

        A header merged over two columns may sit over two unmerged data cells; the one
        under the header's centre wins when it has text, else the first one that has.
        """
        x0, x1 = span
        mid = (x0 + x1) / 2
        centre = self.at(mid)
        if centre is not None and centre.text:
            return centre
        eps = (x1 - x0) * 0.05
        for c in self.cells:
            if c.x1 > x0 + eps and c.x0 < x1 - eps and c.text:
                return c
        return centre

    def texts(self) -> Iterator[str]:
        for c in self.cells:
            if c.text:
                yield c.text

    def is_blank(self) -> bool:
        return not any(c.text for c in self.cells)

    def after(self, cell: Cell) -> Cell | None:
        """The first non-empty cell right of ``cell``."""
        seen = False
        for c in self.cells:
            if c is cell:
                seen = True
            elif seen and c.text and c.x0 >= cell.x1 - 1e-6:
                return c
        return None


def dedupe_cells(cells: list[Cell]) -> list[Cell]:
    """Cells sorted left to right with repeats (the same merged cell) removed."""
    seen: set[int] = set()
    out: list[Cell] = []
    for c in sorted(cells, key=lambda c: c.x0):
        if id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out
