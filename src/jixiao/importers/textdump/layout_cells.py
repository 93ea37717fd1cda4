"""Layout dumps: re-cutting the lines neighbouring rows share in one column."""

from __future__ import annotations

from decimal import Decimal

from jixiao.importers.textdump import lexicon as lx

Frag = tuple[int, str]


def _is_num(s: str) -> bool:
    return lx.is_num(s)


Parts = dict[int, dict[str, list[Frag]]]


def rebalance(anchors: list[int], parts: Parts, rows: list[tuple[int, list[Frag]]]) -> None:
    """Re-cut the lines between neighbouring rows, column by column, by the wrap rule.

    Every line of a wrapped cell but its last is full, and a cell is centred on its
    row. The lines of one column between two anchors go, cut once, to the row above and
    the row below; the cuts of the whole page are chosen together (a dynamic programme),
    because a tall cell pushes its neighbours' cuts along: cutting one pair at a time
    leaves the next row's lines with whoever first took them.
    """
    if len(anchors) < 2:
        return
    line_of = {no: k for k, (no, _) in enumerate(rows)}
    for role in ("deviation", "name", "target", "actual"):
        _recut(role, anchors, parts, line_of)


def _recut(role: str, anchors: list[int], parts: Parts, line_of: dict[int, int]) -> None:
    first, last = anchors[0], anchors[-1]
    gaps: list[list[Frag]] = [[] for _ in anchors[1:]]
    fixed: dict[int, list[Frag]] = {a: [] for a in anchors}
    for a in anchors:
        for f in parts[a].get(role, []):
            k = line_of[f[0]]
            if first < k < last and k not in fixed:
                gi = next(i for i in range(len(anchors) - 1) if anchors[i] < k < anchors[i + 1])
                gaps[gi].append(f)
            else:  # on an anchor's line, or above/below all rows: left where it is
                fixed[a].append(f)
    if not any(gaps):
        return
    for g in gaps:
        g.sort(key=lambda f: line_of[f[0]])

    def cell(i: int, lo: int, hi: int) -> list[Frag]:
        above = gaps[i - 1][lo:] if i > 0 else []
        below = gaps[i][:hi] if i < len(gaps) else []
        return sorted(fixed[anchors[i]] + above + below, key=lambda f: line_of[f[0]])

    def cost(i: int, lo: int, hi: int) -> float:
        c = cell(i, lo, hi)
        out = 10.0 * _unwrapped(c) + _skew(c, anchors[i], line_of) - 1e-6 * hi  # ties: the upper row
        if role == "deviation" and c and _full_score(parts[anchors[i]]):
            out += 1.5  # a row scored in full rarely explains a deviation
        return out

    # best[c]: (cost, cuts so far) when the gap below the current row is cut at c
    best: dict[int, tuple[float, list[int]]] = {c: (cost(0, 0, c), [c]) for c in range(len(gaps[0]) + 1)}
    for i in range(1, len(anchors)):
        nxt: dict[int, tuple[float, list[int]]] = {}
        for hi in range(len(gaps[i]) + 1 if i < len(gaps) else 1):
            total, cuts = min(((b + cost(i, lo, hi), cs) for lo, (b, cs) in best.items()), key=lambda o: o[0])
            nxt[hi] = (total, [*cuts, hi])
        best = nxt
    cuts = min(best.values(), key=lambda o: o[0])[1]
    for i, a in enumerate(anchors):
        c = cell(i, cuts[i - 1] if i > 0 else 0, cuts[i] if i < len(gaps) else 0)
        if c:
            parts[a][role] = c
        else:
            parts[a].pop(role, None)


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
