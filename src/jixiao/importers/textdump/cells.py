"""Cell helpers of the row reader: making cells, splitting one line's words, deviations."""

from __future__ import annotations

from decimal import Decimal

from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.tokens import Line, Tok
from jixiao.importers.textdump.units import Cell, Unit
from jixiao.importers.textdump.wrap import join


def _cell(lines: list[Line], conf: float = 1.0) -> Cell:
    return Cell(join(lines), lines[0].no, lines[0].page, conf)


def _tok_cell(t: Tok, ln: Line, conf: float = 1.0) -> Cell:
    return Cell(t.text, ln.no, ln.page, conf)


def _split_content(content: list[Tok], ln: Line, unit: Unit) -> None:
    """Fill name/target/actual from the words of one line (right to left)."""
    words = [t for t in content if t.kind != "dash" or len(content) <= 3]
    n = len(words)
    if n == 1:
        unit.actual = _tok_cell(words[0], ln)
    elif n == 2:
        a, b = words
        if a.kind == "text" and b.kind in ("value", "percent") and b.text[:1] in "<>=≥≤＜＞":
            unit.name, unit.target = _tok_cell(a, ln), _tok_cell(b, ln)
        else:
            unit.target, unit.actual = _tok_cell(a, ln), _tok_cell(b, ln)
    elif n >= 3:
        unit.name = Cell("".join(t.text for t in words[:-2]), ln.no, ln.page, 0.95)
        unit.target, unit.actual = _tok_cell(words[-2], ln), _tok_cell(words[-1], ln)


def _looks_value(text: str) -> bool:
    return lx.is_value(text) or lx.affinity(text) != "text"


def _partial(u: Unit) -> bool:
    try:
        return u.weight is not None and u.score is not None and Decimal(u.score.text) < Decimal(u.weight.text)
    except ArithmeticError:
        return False


def _continues_dev(anchor_line: Line | None, dev: list[Line], ln: Line) -> bool:
    if anchor_line is None:
        return False
    if not dev:
        return ln.block == anchor_line.block and ln.no == anchor_line.no + 1
    prev = dev[-1]
    if ln.block == prev.block:
        return True
    return lx.width(prev.text) >= max(lx.width(x.text) for x in dev) - 1 and lx.width(prev.text) >= 8


def _ws_index(content: list[Tok]) -> int | None:
    """Index of 分值 in ``… 分值 得分 [偏差原因…]`` (text may follow on the same line)."""
    for i in range(len(content) - 2, -1, -1):
        if content[i].kind == "num" and content[i + 1].kind == "num":
            tail = content[i + 2 :]
            if all(t.kind == "text" for t in tail) and (not tail or i >= 2):
                return i
            return None
    return None


def _is_anchor(content: list[Tok]) -> bool:
    i = _ws_index(content)
    if i is None:
        return False
    content = content[: i + 2]
    w, s = Decimal(content[-2].text), Decimal(content[-1].text)
    return w <= 100 and s <= max(w, Decimal(100))


def _extend_ta(last: Unit | None, unit: Unit, rows: list[Unit]) -> bool:
    """Row-order dumps: a second line of two words before the row's 分值/得分 continues the
    open row's target and actual (both cells wrapped, printed side by side line by line)."""
    if last is None or last not in rows or last.has_ws or last.target is None or last.actual is None:
        return False
    t, a = unit.target, unit.actual
    if t is None or a is None or unit.name is not None:
        return False
    if lx.is_value(t.text) or lx.is_value(a.text) or lx.is_value(last.target.text):
        return False
    last.target = Cell(last.target.text + t.text, last.target.line, last.target.page, min(last.target.conf, 0.85))
    last.actual = Cell(last.actual.text + a.text, last.actual.line, last.actual.page, min(last.actual.conf, 0.85))
    return True
