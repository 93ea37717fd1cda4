"""Rows read by columns: a row printed whole after the column chunks it sits among.

pdfminer groups a row's target and actual (sometimes with its 分值/得分) into one run of
boxes when they line up, and may emit that run after the chunks of the columns around
it (``>=95% >=90% >=80% 3月底前 >=225人次 262人次``: the 人次 row belongs before the
rates). The column reader takes rows in the targets' printed order, so such a row lands
late and every name between its place and where it was printed gets the next row's
values. What the names say of their values (人次 a count, 率 / 满意度 a rate, 时间 a
deadline) and each row's 得分 against its values tell where it belongs: the row is moved
to the earlier place that fits them clearly better. Its 分值/得分 go with it when they
were printed right after it; it then goes between two chunks of the number column
(w1..wk s1..sk scores a run of rows that has no other row inside it).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

from jixiao.importers.textdump import match as mt
from jixiao.importers.textdump.streams import pair_cost
from jixiao.importers.textdump.units import Cell

Row = tuple[Cell | None, Cell | None]
"""(target, actual)."""
Pair = tuple[Decimal, Decimal]
"""(分值, 得分)."""
_T = TypeVar("_T")

GAIN = 0.4
"""How much better (in kind and score costs) a row's new place must fit than its printed one."""
MAX_MOVES = 3
"""Rows moved per page at most (each move is a search over the page's rows)."""
TIED = 0.6
"""Confidence of a row moved to one of several places that fit it equally."""


def _fit(names: list[Cell], rows: list[Row], nums: list[Pair | None]) -> float:
    cost = 0.0
    for i, (t, a) in enumerate(rows):
        tt, at = (t.text if t else None), (a.text if a else None)
        if i < len(names):
            cost += mt.kind_cost(mt.name_kind(names[i].text), mt.value_kind(tt, at))
        ws = nums[i] if i < len(nums) else None
        if ws is not None:
            cost += mt.score_cost(ws[0], ws[1], mt.achievement(tt, at), False)
    return cost


def grouped(rows: list[Row], names: list[Cell], j: int) -> bool:
    """Row ``j``'s target and actual printed one right after the other (no other row's
    cell, no name, between them)."""
    t, a = rows[j]
    if t is None or a is None or t.page != a.page or not t.line < a.line:
        return False
    others = [c for k, r in enumerate(rows) if k != j for c in r if c is not None] + list(names)
    return not any(c.page == t.page and t.line < c.line < a.line for c in others)


def _printed_before(rows: list[Row], k: int, j: int) -> bool:
    """Row ``k`` is the row printed right before row ``j`` (late rows printed as one run
    belong together: the second goes after the first wherever the names fit both alike)."""
    t = rows[j][0]
    if k < 0 or t is None:
        return False
    before = [(c.page, c.line, m) for m, r in enumerate(rows) for c in r if c is not None and (c.page, c.line) < (t.page, t.line)]
    return bool(before) and max(before)[2] == k


def _moved(seq: list[_T], j: int, i: int) -> list[_T]:
    out = list(seq)
    out.insert(i, out.pop(j))
    return out


def place_late_rows(rows: list[Row], names: list[Cell], nums: list[Pair | None], carried: list[bool], starts: list[bool]) -> tuple[list[Row], list[int], set[int]]:
    """Rows (and the order of the 分值/得分 pairs: ``order[k]`` is the pair now at row k)
    with each late grouped row moved back to where the names and scores fit it; a pair
    ``carried`` (printed right after its row's values) moves with its row, to a place
    before a pair that ``starts`` a chunk of the number column. Also returns the rows
    placed among equally fitting places (the earliest is taken)."""
    order = list(range(len(nums)))
    tied: set[int] = set()
    n = min(len(rows), len(names), len(nums))
    for _ in range(MAX_MOVES):
        cur_nums = [nums[k] for k in order]
        base = _fit(names, rows, cur_nums)
        best: tuple[float, int, int] | None = None
        ties = 0
        for j in range(1, n):
            if not grouped(rows, names, j):
                continue
            for i in range(j):
                if carried[order[j]] and not starts[order[i]]:
                    continue
                cand = _moved(rows, j, i)
                cand_order = _moved(order, j, i) if carried[order[j]] else order
                cost = _fit(names, cand, [nums[k] for k in cand_order])
                if best is None or cost < best[0] - 1e-9:
                    best, ties = (cost, j, i), 1
                elif abs(cost - best[0]) < 1e-9 and best[1] == j:
                    ties += 1
                    if _printed_before(rows, i - 1, j):
                        best = (cost, j, i)  # of equal places, the one after the row printed just before it
        if best is None or best[0] > base - GAIN:
            break
        _, j, i = best
        if carried[order[j]]:
            order = _moved(order, j, i)
        rows = _moved(rows, j, i)
        if ties > 1:
            tied.add(i)
    return rows, order, tied


ROTATION_GAIN = 1.0
"""How much better the actuals must pair once a chunk of their column is put back."""


def _pair_fit(t: Cell, a: Cell, ws: Pair | None) -> float:
    cost = pair_cost(t.text, a.text)
    if ws is not None:
        cost += mt.score_cost(ws[0], ws[1], mt.achievement(t.text, a.text), False)
    return cost


def _rotations(rows: list[Row], nums: list[Pair | None]) -> tuple[float, float, list[Row]] | None:
    """The reading's cost for the rows not printed whole, and the cheapest reading with
    their actual column cut once and its chunks swapped (None: too few such rows)."""
    free = [k for k, (t, a) in enumerate(rows) if t is not None and a is not None and not grouped(rows, [], k)]
    if len(free) < 4:
        return None
    acts = sorted((a for k in free if (a := rows[k][1]) is not None), key=lambda c: (c.page, c.line))

    def cost(order: list[Cell]) -> float:
        total = 0.0
        for k, a in zip(free, order, strict=True):
            t = rows[k][0]
            assert t is not None
            total += _pair_fit(t, a, nums[k] if k < len(nums) else None)
        return total

    base = cost([a for k in free if (a := rows[k][1]) is not None])
    best, p = min((cost(acts[p:] + acts[:p]), p) for p in range(1, len(acts)))
    out = list(rows)
    for k, a in zip(free, acts[p:] + acts[:p], strict=True):
        out[k] = (rows[k][0], a)
    return base, best, out


def _twins_first(rows: list[Row]) -> list[Row] | None:
    """A qualitative value printed twice, once as a target and once as another row's
    actual, the actual printed first: either cell may be the target, so the earlier one
    is taken as it (a ``稳定`` among the targets, its twin in a chunk of the actuals) and
    the rows put back in their targets' printed order. None when there is no such pair."""
    out = list(rows)
    changed = False
    for j in range(len(out)):
        t = out[j][0]
        if t is None:
            continue
        for i in range(len(out)):
            a = out[i][1]
            if i != j and a is not None and a.text == t.text and (a.page, a.line) < (t.page, t.line) and not grouped(out, [], i):
                out[j], out[i] = (a, out[j][1]), (out[i][0], t)
                changed = True
                break
    if not changed:
        return None
    with_t = sorted((r for r in out if r[0] is not None), key=lambda r: (r[0].page, r[0].line) if r[0] else (0, 0))
    return with_t + [r for r in out if r[0] is None]


def unrotate_actuals(rows: list[Row], nums: list[Pair | None]) -> tuple[list[Row], bool]:
    """The actual column printed in two chunks, the lower rows' first (``稳定 99% 91% 94%``
    then ``687份 98% 80% 97% 按期完成 …``): the actuals of the rows not printed whole are
    paired again with the targets in row order, the column cut once and its two chunks
    swapped, when that pairs them clearly better (units, 得分 against the values) than
    the reading found; also with a value printed alike as a target and an actual read
    first as the target (:func:`_twins_first`). Returns the rows and whether they changed."""
    found = _rotations(rows, nums)
    if found is None:
        return rows, False
    base, best, out = found
    twins = _twins_first(rows)
    alt = _rotations(twins, nums) if twins is not None else None
    if alt is not None and alt[1] < best - 1e-9:
        best, out = alt[1], alt[2]
    if best > base - ROTATION_GAIN:
        return rows, False
    return out, True
