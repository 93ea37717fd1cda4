"""Rows of positioned cells -> forms, for every tabular format.

The mapper walks the rows top to bottom as a small state machine: a title containing
自评表 starts a form; key/value labels (项目名称, 主管部门 …) take the cell to their right;
a funds header (年初预算数 / 全年预算数 …) or an indicator header (三级指标 / 指标值 / 分值
…) fixes *where* each field is, by the horizontal centre of its header cell, and the
rows below are read by looking up the cell under each centre. Because fields are found
by position, a form that continues on the next page (or sheet rows with different merges)
lines up with the header printed once, and merged 一级/二级 cells simply repeat.
Labels come from :mod:`.labels` (one synonym table for all layouts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from jixiao.core.issues import Issue, Location, make_issue
from jixiao.core.model import Form, indicator_path
from jixiao.importers import labels as L
from jixiao.importers.draft import Draft, build_form, locate, missing_issues
from jixiao.importers.grid import Cell, Row, join_lines
from jixiao.importers.values import is_blank, parse_number

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_COMPARATORS = ("≥", "≤", ">=", "<=", ">", "<", "=", "＝", "≧", "≦", "＞", "＜")
POSITIONAL = Decimal("0.6")
"""Confidence of a fund row read by its position because its label is missing."""
ROW_SPLIT = Decimal("0.85")
"""Confidence of fields of a row that a page break cut in two (flagged for review)."""
PAGE_SPLIT = Decimal("0.95")
"""Confidence of a 一级/二级 label taken from the part of its cell on the next page."""


class FormMapper:
    """Feed rows with :meth:`feed`; :meth:`finish` returns forms and issues."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.forms: list[Form] = []
        self.issues: list[Issue] = []
        self.draft = Draft(file)

    # -- recording -------------------------------------------------------------------------

    def _put(self, path: str, value: Any, row: Row, cell: Cell | None, confidence: Decimal | None = None) -> None:
        d = self.draft
        d.values[path] = value
        conf = cell.confidence if cell is not None and cell.confidence is not None else confidence
        d.sources.add(
            path,
            page=row.page,
            sheet=row.sheet,
            cell=cell.ref if cell is not None else None,
            confidence=conf if conf is not None else Decimal(1),
        )

    def _number(self, path: str, cell: Cell | None, row: Row, *, percent: bool = False, confidence: Decimal | None = None) -> Decimal | None:
        text = cell.text if cell is not None else ""
        value, ok = parse_number(text, percent=percent)
        if not ok:
            self.draft.issues.append(
                make_issue(
                    "import-bad-number",
                    Location(file=self.file, page=row.page, sheet=row.sheet, cell=cell.ref if cell else None, field=path),
                    field=path,
                    value=text,
                )
            )
        self._put(path, value, row, cell, confidence)
        return value

    # -- the state machine -------------------------------------------------------------------

    def feed(self, rows: Iterable[Row]) -> None:
        for row in rows:
            if not row.is_blank():
                self._row(row)

    def _row(self, row: Row) -> None:
        d = self.draft
        texts = [(c, L.norm(c.text)) for c in row.cells if c.text]
        # a title starts a new form
        for c, t in texts:
            if L.TITLE_FRAGMENT in t and len(t) <= 40:
                if d.has_content:
                    self._close()
                    d = self.draft
                d.titled = True
                d.first = d.first or row
                self._year(c, row)
                if len(texts) == 1:
                    return
        if d.first is None:
            d.first = row
        if "year" not in d.values and len(texts) == 1 and d.mode == "head":
            c, t = texts[0]
            if _YEAR.search(c.text) and len(t) <= 12:
                self._year(c, row)
                return
        for c, _t in texts:
            if d.mode == "head" and ("万元" in c.text and "单位" in c.text) and "amount_unit" not in d.values:
                self._put("amount_unit", "万元", row, c)
        if self._indicator_header(row):
            return
        if self._fund_header(row):
            return
        if self._goals_header(row):
            return
        if d.mode == "goals" and self._goals_values(row):
            return
        if self._total(row, texts):
            return
        if d.mode == "indicators" and self._indicator(row):
            return
        if d.mode == "funds" and self._fund_row(row):
            return
        self._key_values(row, texts)

    def _year(self, cell: Cell, row: Row) -> None:
        m = _YEAR.search(cell.text)
        if m and "year" not in self.draft.values:
            self._put("year", int(m.group(1)), row, cell)
            self.draft.found.add("year")

    def _key_values(self, row: Row, texts: list[tuple[Cell, str]]) -> None:
        d = self.draft
        cells = row.cells
        for i, c in enumerate(cells):
            if not c.text:
                continue
            name = L.lookup(c.text, L.KEY_VALUE)
            value_cell: Cell | None = None
            inline: str | None = None
            if name is None:
                # "项目名称：XXX" printed in one cell
                head, sep, tail = c.text.partition("：") if "：" in c.text else c.text.partition(":")
                if sep and tail.strip() and L.lookup(head, L.KEY_VALUE):
                    name, inline = L.lookup(head, L.KEY_VALUE), tail.strip()
                else:
                    goal = L.lookup(c.text, L.GOALS_HEADER)
                    nxt = cells[i + 1] if i + 1 < len(cells) else None
                    if goal and f"goals.{goal}" not in d.values and nxt is not None and nxt.text and not L.lookup(nxt.text, L.GOALS_HEADER):
                        # 预期目标 | text on one row, 实际完成情况 | text on the next
                        self._put(f"goals.{goal}", nxt.text, row, nxt)
                        d.found.add("goals")
                        continue
                    if L.is_one_of(c.text, L.GOALS_LABELS) and "goals.expected" not in d.values:
                        nxt = cells[i + 1] if i + 1 < len(cells) else None
                        if nxt is not None and nxt.text and not L.lookup(nxt.text, L.GOALS_HEADER):
                            self._put("goals.expected", nxt.text, row, nxt)
                            d.found.add("goals")
                    continue
            assert name is not None
            if name == "project_name" and "project_name" in d.values and (d.indicators or d.fund_cols):
                self._close()
                d = self.draft
                d.first = row
            if name in d.values:
                continue
            if inline is not None:
                self._put(name, inline, row, c)
            else:
                value_cell = cells[i + 1] if i + 1 < len(cells) else None
                if value_cell is not None and L.lookup(value_cell.text, L.KEY_VALUE):
                    value_cell = None
                text = value_cell.text if value_cell is not None else ""
                self._put(name, text or None, row, value_cell or c)
            d.found.add(name)

    # -- funds ---------------------------------------------------------------------------------

    def _fund_header(self, row: Row) -> bool:
        cols: dict[str, tuple[float, float]] = {}
        for c in row.cells:
            name = _label(c, L.FUND_HEADER)
            if name and name not in cols:
                cols[name] = (c.x0, c.x1)
        if len(cols.keys() & {"initial_budget", "annual_budget", "executed"}) < 2:
            return False
        d = self.draft
        if d.fund_cols and d.has_content and d.mode != "head":
            self._close()
            d = self.draft
        d.fund_cols = cols
        d.mode = "funds"
        d.found.add("funds")
        for c in row.cells:
            if "万元" in c.text and "amount_unit" not in d.values:
                self._put("amount_unit", "万元", row, c)
        return True

    def _fund_row(self, row: Row) -> bool:
        d = self.draft
        first_x = min(x0 for x0, _x1 in d.fund_cols.values())
        which: str | None = None
        label_cell: Cell | None = None
        for c in row.cells:
            if c.x0 >= first_x - 1e-6:
                break
            if c.text:
                name = L.lookup(c.text, L.FUND_ROW)
                if name:
                    which, label_cell = name, c
        conf: Decimal | None = None
        if which is None:
            has_values = any((cell := row.under(x)) is not None and cell.text for x in d.fund_cols.values())
            order = ("total", "fiscal", "carryover", "other")
            if not has_values or d.positional_rows >= len(order):
                return False
            which = order[d.positional_rows]
            conf = POSITIONAL
        d.positional_rows = ("total", "fiscal", "carryover", "other").index(which) + 1
        del label_cell
        for col in ("initial_budget", "annual_budget", "executed"):
            if col in d.fund_cols:
                self._number(f"funds.{which}.{col}", row.under(d.fund_cols[col]), row, confidence=conf)
        if which == "total":
            for col in ("weight", "rate_percent", "score"):
                if col in d.fund_cols:
                    self._number(f"execution.{col}", row.under(d.fund_cols[col]), row, percent=col == "rate_percent", confidence=conf)
        return True

    # -- goals ---------------------------------------------------------------------------------

    def _goals_header(self, row: Row) -> bool:
        d = self.draft
        cols: dict[str, Cell] = {}
        for c in row.cells:
            name = _label(c, L.GOALS_HEADER)
            if name and name not in cols:
                cols[name] = c
        if len(cols) < 2:
            return False
        d.found.add("goals")
        inline = False
        for name, c in cols.items():
            nxt = row.after(c)
            if nxt is not None and nxt.text and not L.lookup(nxt.text, L.GOALS_HEADER):
                self._put(f"goals.{name}", nxt.text, row, nxt)
                inline = True
        if not inline:
            d.goals_cols = {name: (c.x0, c.x1) for name, c in cols.items()}
            d.mode = "goals"
        else:
            d.mode = "head"
        return True

    def _goals_values(self, row: Row) -> bool:
        d = self.draft
        for name, span in d.goals_cols.items():
            cell = row.under(span)
            self._put(f"goals.{name}", (cell.text or None) if cell else None, row, cell)
        d.mode = "head"
        return True

    # -- indicators ----------------------------------------------------------------------------

    def _indicator_header(self, row: Row) -> bool:
        cols: dict[str, tuple[float, float]] = {}
        for c in row.cells:
            name = _label(c, L.INDICATOR_HEADER)
            if name and name not in cols:
                cols[name] = (c.x0, c.x1)
        if "name" not in cols or len(cols.keys() & {"target", "actual", "weight", "score"}) < 1:
            return False
        d = self.draft
        if d.indicators and d.mode not in ("indicators",):
            self._close()
            d = self.draft
        d.ind_cols = cols
        d.mode = "indicators"
        d.found.add("indicators")
        return True

    def _indicator(self, row: Row) -> bool:
        d = self.draft
        cols = d.ind_cols
        cells = {name: row.under(span) for name, span in cols.items()}
        if d.indicators and row.page is not None and row.page != d.last_page and self._row_continues(row, cells):
            d.last_page = row.page
            return True
        name_cell = cells.get("name")
        if name_cell is None or not name_cell.text:
            return any(c is not None and c.text for k, c in cells.items() if k not in ("level1", "level2"))
        index = len(d.indicators)
        item: dict[str, Any] = {}
        prev = d.indicators[-1] if d.indicators else {}

        def text(key: str) -> str | None:
            c = cells.get(key)
            return (c.text or None) if c is not None else None

        new_page = bool(d.indicators) and row.page is not None and row.page != d.last_page
        for key in ("level1", "level2"):
            if key not in cols:
                continue
            cell = cells[key]
            value = text(key)
            pending = d.pending.setdefault(key, [])
            if value is None:
                value = prev.get(key)
                if cell is not None and cell is not d.level_cells.get(key):
                    pending[:] = [index]  # a new, empty label cell: its text may be on the next page
                elif pending:
                    pending.append(index)
            else:
                if new_page and pending and cell is not None:
                    self._resolve_pending(key, pending, value, row, cell)
                elif new_page and cell is not None and _split_label(prev.get(key), value):
                    # the label's lines are split by the page break: "服务对象满意度" | "指标"
                    value = prev[key] + value
                    self._resolve_pending(key, d.groups.get(key, []), value, row, cell)
                pending.clear()
            if cell is not d.level_cells.get(key) or value != prev.get(key):
                d.groups[key] = []
            d.groups.setdefault(key, []).append(index)
            d.level_cells[key] = cell
            item[key] = value
            self._put(indicator_path(index, key), value, row, cell)
        d.last_page = row.page
        item["name"] = name_cell.text
        self._put(indicator_path(index, "name"), name_cell.text, row, name_cell)
        nature, unit = text("nature"), text("unit")
        target = text("target")
        if target is not None:
            if nature and nature.strip() in _COMPARATORS and not target.startswith(_COMPARATORS):
                target = nature.strip() + target
            if unit and parse_number(target.lstrip("".join(_COMPARATORS)))[1] and not is_blank(unit):
                target += unit.strip()
        if nature and nature.strip() not in _COMPARATORS:
            item.setdefault("extra", {})["nature"] = nature
        for key, value in (("target", target), ("actual", text("actual")), ("deviation", text("deviation"))):
            if key == "actual" and value is not None and unit and parse_number(value)[1] and not is_blank(unit) and not is_blank(value):
                value += unit.strip()
            if key in cols or (key == "target" and "target" in cols):
                item[key] = value
                self._put(indicator_path(index, key), value, row, cells.get(key))
        for key in ("weight", "score"):
            if key in cols:
                item[key] = self._number(indicator_path(index, key), cells[key], row)
        d.indicators.append(item)
        return True

    def _row_continues(self, row: Row, cells: dict[str, Cell | None]) -> bool:
        """Word/WPS let a tall row break across pages: the first row of a page is the rest
        of the previous page's last row when its labels repeat (or are blank) and exactly
        one of the two parts carries the 分值/得分 numbers. Its text is appended."""
        d = self.draft
        prev = d.indicators[-1]
        index = len(d.indicators) - 1

        def has(key: str) -> bool:
            c = cells.get(key)
            return c is not None and bool(c.text)

        for key in ("level1", "level2"):
            c = cells.get(key)
            if c is not None and c.text and c.text != prev.get(key):
                return False
        numbers_here = has("weight") or has("score")
        numbers_before = prev.get("weight") is not None or prev.get("score") is not None
        texts_here = [k for k in ("name", "target", "actual", "deviation") if has(k)]
        if numbers_here == numbers_before or not (texts_here or numbers_here):
            return False
        for key in texts_here:
            cell = cells[key]
            assert cell is not None
            value = join_lines([prev.get(key) or "", cell.text]) if prev.get(key) else cell.text
            prev[key] = value
            self._put(indicator_path(index, key), value, row, cell, ROW_SPLIT)
        for key in ("weight", "score"):
            if has(key):
                prev[key] = self._number(indicator_path(index, key), cells[key], row, confidence=ROW_SPLIT)
        return True

    def _resolve_pending(self, key: str, indices: list[int], value: str, row: Row, cell: Cell) -> None:
        """A label cell merged across a page break prints its text on one page only
        (where its middle falls); the rows of the other page take it from there."""
        d = self.draft
        for k in indices:
            d.indicators[k][key] = value
            self._put(indicator_path(k, key), value, row, cell, PAGE_SPLIT)

    def _total(self, row: Row, texts: list[tuple[Cell, str]]) -> bool:
        d = self.draft
        label = next((c for c, t in texts if t in L.TOTAL_LABELS or _has_token(c, L.TOTAL_LABELS)), None)
        if label is None and d.mode == "indicators":
            label = next((c for c, t in texts if t in ("合计", "总计")), None)
        if label is None:
            return False
        d.found.add("total_score")
        span = d.ind_cols.get("score")
        cell = row.under(span) if span is not None else None
        if cell is None or cell is label:
            nums = [c for c, _t in texts if c is not label and parse_number(c.text)[1]]
            cell = nums[-1] if nums else None
        self._number("total_score", cell, row)
        d.mode = "done"
        return True

    # -- building ------------------------------------------------------------------------------

    def _close(self) -> None:
        d = self.draft
        if d.has_content and d.is_form:
            index = len(self.forms)
            form = build_form(d, self.file)
            self.forms.append(form)
            self.issues.extend(locate(d.issues, index, form.project_name))
            self.issues.extend(missing_issues(d, self.file, index, form))
        self.draft = Draft(self.file)

    def end_section(self) -> None:
        """A sheet or table ends: the next rows cannot continue the current form."""
        self._close()

    def finish(self) -> tuple[list[Form], list[Issue]]:
        self._close()
        return self.forms, self.issues

def _split_label(before: str | None, after: str) -> bool:
    """Is ``after`` the rest of ``before``, cut by a page break inside one label cell?"""
    return bool(before) and after not in L.LEVEL_NAMES and (before or "") + after in L.LEVEL_NAMES


def _has_token(cell: Cell, names: L.Sequence[str]) -> bool:
    """A label printed among stray characters (text spilled from a neighbouring merged cell)."""
    return len(cell.text) <= 16 and any(L.norm(tok) in names for line in cell.lines for tok in line.split())


def _label(cell: Cell, table: L.Sequence[L.Entry]) -> str | None:
    """The header field of a cell: its whole text, else its first printed line (a label
    cell of a repeated page header can carry text spilled from a split merged cell)."""
    if not cell.text:
        return None
    name = L.lookup(cell.text, table)
    if name is None and len(cell.lines) > 1:
        name = next((n for line in cell.lines if (n := L.lookup(line, table))), None)
    return name


def map_rows(rows: Iterable[Row], file: str | None) -> tuple[list[Form], list[Issue]]:
    """All forms found in ``rows`` (one document, pages/sheets in order)."""
    mapper = FormMapper(file)
    mapper.feed(rows)
    return mapper.finish()
