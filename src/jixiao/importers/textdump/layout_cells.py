"""Layout dumps: re-cutting the lines two neighbouring rows share in one column."""

from __future__ import annotations

import itertools
from decimal import Decimal

from jixiao.importers.textdump import lexicon as lx

Frag = tuple[int, str]


def _is_num(s: str) -> bool:
    return lx.is_num(s)


def rebalance(anchors: list[int], parts: dict[int, dict[str, list[tuple[int, str]]]], rows: list[tuple[int, list[tuple[int, str]]]]) -> None:
    """Re-cut the lines two neighbouring rows share in one column by the wrap rule.

    Every line of a wrapped cell but its last is full, and a cell is centred on its
    row; among the cuts that respect the first, the most centred pair wins.
    """
    line_of = {no: k for k, (no, _) in enumerate(rows)}
    for a, b in itertools.pairwise(anchors):
        for role in ("deviation", "name", "target", "actual"):
            pa, pb = parts[a].get(role, []), parts[b].get(role, [])
            top_a = [f for f in pa if line_of[f[0]] <= a]
            shared = sorted([f for f in pa if line_of[f[0]] > a] + [f for f in pb if line_of[f[0]] < b], key=lambda f: line_of[f[0]])
            bottom_b = [f for f in pb if line_of[f[0]] >= b]
            if not shared or not (top_a or bottom_b):
                continue
            best: tuple[float, int] | None = None
            for j in range(len(shared) + 1):
                ca, cb = top_a + shared[:j], shared[j:] + bottom_b
                bad = _unwrapped(ca) + _unwrapped(cb)
                skew = _skew(ca, a, line_of) + _skew(cb, b, line_of)
                if role == "deviation":  # a row scored in full rarely explains a deviation
                    skew += 1.5 * ((bool(ca) and _full_score(parts[a])) + (bool(cb) and _full_score(parts[b])))
                key = (bad * 10 + skew, -j)
                if best is None or key < (best[0], -best[1]):
                    best = (key[0], j)
            assert best is not None
            j = best[1]
            parts[a][role] = top_a + shared[:j]
            parts[b][role] = shared[j:] + bottom_b
            if not parts[a][role]:
                del parts[a][role]
            if not parts[b][role]:
                del parts[b][role]


def _full_score(cells: dict[str, list[tuple[int, str]]]) -> bool:
    w, sc = cells.get("weight"), cells.get("score")
    if not w or not sc or not _is_num(w[0][1]) or not _is_num(sc[0][1]):
        return False
    return Decimal(sc[0][1]) >= Decimal(w[0][1])


def _unwrapped(cell: list[tuple[int, str]]) -> int:
    if len(cell) < 2:
        return 0
    widths = [lx.width(t) for _, t in cell]
    full = max(widths)
    return sum(1 for w in widths[:-1] if w < full - 4)


def _skew(cell: list[tuple[int, str]], anchor: int, line_of: dict[int, int]) -> float:
    if not cell:
        return 0.0
    above = sum(1 for no, _ in cell if line_of[no] < anchor)
    below = sum(1 for no, _ in cell if line_of[no] > anchor)
    return abs(above - below)
