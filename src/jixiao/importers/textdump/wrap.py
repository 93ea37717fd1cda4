"""Text column reconstruction: which wrapped lines make up one table cell.

Inside a cell every line but the last is *full* (as wide as the column), so a short line
ends a cell. When the number of cells is known (a row misses its target and actual, say),
the lines are cut into exactly that many cells at the cheapest places: a cut after a
full line, or a cell whose non-last lines are not all equally wide, costs; a cut at a
text-box boundary and a target equal to its actual (common for qualitative indicators)
are rewarded.
"""

from __future__ import annotations

from itertools import combinations, pairwise

from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.tokens import Line


def join(lines: list[Line]) -> str:
    parts = [ln.text for ln in lines]
    out = ""
    for p in parts:
        if out and out[-1].isascii() and p[:1].isascii() and out[-1].isalnum() and p[:1].isalnum():
            out += p
        else:
            out += p
    return out


def _cell_cost(cell: list[Line]) -> float:
    if len(cell) <= 1:
        return 0.0
    if any(lx.is_value(ln.text) for ln in cell):
        return 1.5  # a value (>=90%, 3月底前) is a cell of its own, not part of wrapped text
    ws = [lx.width(ln.text) for ln in cell]
    full = max(ws[:-1])
    cost = 0.0
    for w in ws[:-1]:
        if w < full - 2:
            cost += 1.0
    if ws[-1] > full + 2:
        cost += 1.0
    for a, b in pairwise(cell):
        if a.block != b.block:
            cost += 0.15
    return cost


def split_exact(lines: list[Line], k: int, pair_bonus: bool = True) -> list[list[Line]]:
    """Cut ``lines`` into exactly ``k`` consecutive cells (k ≤ len(lines))."""
    n = len(lines)
    if k <= 0:
        return []
    if k >= n:
        return [[ln] for ln in lines] + [[] for _ in range(k - n)]
    if n > 16:
        return _split_dp(lines, k, pair_bonus)
    best: tuple[float, list[list[Line]]] | None = None
    for cuts in combinations(range(1, n), k - 1):
        bounds = (0, *cuts, n)
        cells = [lines[bounds[i] : bounds[i + 1]] for i in range(k)]
        cost = sum(_cell_cost(c) for c in cells)
        for c in cuts:
            if lines[c - 1].block == lines[c].block:
                cost += 0.1
        if pair_bonus and k >= 2 and join(cells[-1]) == join(cells[-2]):
            cost -= 1.0
        if best is None or cost < best[0] - 1e-9:
            best = (cost, cells)
    assert best is not None
    return best[1]


def _split_dp(lines: list[Line], k: int, pair_bonus: bool) -> list[list[Line]]:
    """split_exact for many lines (long wrapped cells): the same costs, by dynamic
    programming over the cuts instead of trying every combination."""
    n = len(lines)

    def cut(i: int) -> float:
        return 0.1 if 0 < i < n and lines[i - 1].block == lines[i].block else 0.0

    inf = float("inf")
    # best[c][j]: cheapest cut of lines[:j] into c cells, with its last cut
    best = [[(inf, -1)] * (n + 1) for _ in range(k + 1)]
    best[0][0] = (0.0, -1)
    for c in range(1, k + 1):
        for j in range(c, n + 1):
            for i in range(c - 1, j):
                if best[c - 1][i][0] < inf:
                    cost = best[c - 1][i][0] + cut(i) + _cell_cost(lines[i:j])
                    if cost < best[c][j][0] - 1e-9:
                        best[c][j] = (cost, i)
    final = best[k][n][0]
    ends: tuple[int, int] | None = None
    if pair_bonus and k >= 2:
        for a in range(k - 2, n - 1):
            if best[k - 2][a][0] == inf:
                continue
            for b in range(a + 1, n):
                cost = best[k - 2][a][0] + cut(a) + cut(b) + _cell_cost(lines[a:b]) + _cell_cost(lines[b:])
                if join(lines[a:b]) == join(lines[b:]):
                    cost -= 1.0
                if cost < final - 1e-9:
                    final, ends = cost, (a, b)
    bounds = [n]
    c, j = k, n
    if ends is not None:
        bounds = [ends[1], n]
        c, j = k - 2, ends[0]
        bounds.insert(0, j)
    while c > 0:
        i = best[c][j][1]
        bounds.insert(0, i)
        c, j = c - 1, i
    if bounds[0] != 0:
        bounds.insert(0, 0)
    return [lines[bounds[x] : bounds[x + 1]] for x in range(len(bounds) - 1)]


def natural_cells(lines: list[Line], limit: int | None = None) -> list[list[Line]]:
    """Cells by the wrap rule alone: a line narrower than the widest line so far ends a cell;
    a new text box starts a cell unless the previous line was full."""
    if not lines:
        return []
    widest = max(lx.width(ln.text) for ln in lines)
    cells: list[list[Line]] = [[lines[0]]]
    for prev, ln in pairwise(lines):
        cur = cells[-1]
        w_prev = lx.width(prev.text)
        cell_full = max(lx.width(x.text) for x in cur)
        ends = w_prev < cell_full - 2 or (prev.block != ln.block and w_prev < widest - 2)
        if len(cur) == 1 and prev.block != ln.block and w_prev < widest - 2:
            ends = True
        if lx.is_value(prev.text) or lx.is_value(ln.text):
            ends = True  # a value (>=90%, 3月底前) is a cell of its own
        if ends and (limit is None or len(cells) < limit):
            cells.append([ln])
        else:
            cur.append(ln)
    return cells


def block_cells(lines: list[Line]) -> list[list[Line]]:
    """One cell per text box, split further where a box holds a short non-last line."""
    cells: list[list[Line]] = []
    for ln in lines:
        if cells and cells[-1][-1].block == ln.block:
            cells[-1].append(ln)
        else:
            cells.append([ln])
    out: list[list[Line]] = []
    for c in cells:
        out.extend(natural_cells(c))
    return out
