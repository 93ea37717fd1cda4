"""A few rows printed column by column inside a row-order dump.

Plain pdftotext sometimes prints the last rows of a page (or a band of rows) by columns:
the 分值/得分 pairs of k rows one after the other, then the k names, then the k
target/actual pairs. :func:`read_chunk` cuts such lines into exactly k rows — names
first (wrapped names kept whole by the wrap rule), then the pairs: two one-line cells,
or one line holding both cells with their wrapped continuations printed alternately
under it. When the pairs do not fit that grammar (a row's two cells wrapped to different
heights and printed line by line in turn), the rows are cut where the wraps of the
cells read by their heights (interleave.py) cost least. Anything else is left to the row
reader.
"""

from __future__ import annotations

from collections.abc import Callable

from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.interleave import MAX_LINES, Reading, readings, wrap_cost
from jixiao.importers.textdump.tokens import Line
from jixiao.importers.textdump.wrap import join, split_exact


def _single(ln: Line) -> bool:
    return len(ln.toks) == 1 and ln.toks[0].kind in ("text", "value", "percent")


def _pair_start(lines: list[Line], i: int) -> bool:
    ln = lines[i]
    if len(ln.toks) == 2:
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return nxt is not None and _single(ln) and _single(nxt) and (lx.is_value(ln.text) or ln.text == nxt.text)


def _pairs(lines: list[Line], k: int) -> tuple[list[tuple[str, str]], int] | None:
    """k target/actual pairs from the start of ``lines``, and how many lines they took;
    a line holding both cells takes as many continuation lines as leave the rest readable."""
    if k == 0:
        return [], 0
    if not lines:
        return None
    ln = lines[0]
    if len(ln.toks) == 2 and all(t.kind != "num" for t in ln.toks):
        most = 0
        full = min(lx.width(t.text) for t in ln.toks) - 2
        while 2 * most + 2 < len(lines) and _continuation(lines[1 + 2 * most]) and _continuation(lines[2 + 2 * most]):
            most += 1
            if min(lx.width(lines[2 * most - 1].text), lx.width(lines[2 * most].text)) < full:
                break  # a short line ends the wrapped cells
        for c in range(most, -1, -1):
            rest = _pairs(lines[1 + 2 * c :], k - 1)
            if rest is not None:
                t = ln.toks[0].text + "".join(x.text for x in lines[1 : 1 + 2 * c : 2])
                a = ln.toks[1].text + "".join(x.text for x in lines[2 : 2 + 2 * c : 2])
                return [(t, a), *rest[0]], 1 + 2 * c + rest[1]
        return None
    if len(lines) >= 2 and _single(ln) and _single(lines[1]) and _pair_start(lines, 0):
        rest = _pairs(lines[2:], k - 1)
        if rest is not None:
            return [(ln.text, lines[1].text), *rest[0]], 2 + rest[1]
    return None


def _continuation(ln: Line) -> bool:
    return len(ln.toks) == 1 and ln.toks[0].kind == "text"


def read_chunk(lines: list[Line], k: int, before: int = 0) -> tuple[list[tuple[list[Line], str, str]], list[Line]] | None:
    """(name lines, target, actual) for k rows, and the lines left after them; ``before``
    of the lines were printed above the 分值/得分 pairs (then the text may as well be an
    earlier row's, and only the strict grammar is trusted)."""
    start = next((m for m in range(k, len(lines)) if _pair_start(lines, m)), None)
    if start is None or not all(_continuation(ln) for ln in lines[:start]):
        return None if before else _by_heights(lines, k)
    got = _pairs(lines[start:], k)
    if got is None:
        return None if before else _by_heights(lines, k)
    pairs, used = got
    names = split_exact(lines[:start], k)
    if any(not n for n in names) or any(lx.is_value(join(n)) for n in names):
        return None
    return [(n, t, a) for n, (t, a) in zip(names, pairs, strict=True)], lines[start + used :]


_LEFT_OVER = 0.5
"""What lines left after the chunk's rows cost (text of some other cell)."""

_NAME_LINES = 4
"""Lines one name may wrap to (bounds the search: a chunk is a few rows)."""


def _by_heights(lines: list[Line], k: int) -> tuple[list[tuple[list[Line], str, str]], list[Line]] | None:
    """The chunk's rows when a row's two cells wrap to different heights and come out
    line by line in turn (interleave.py): the names, then each row's lines up to the
    next row's, cut where the wraps cost least."""
    limit = min(len(lines), k * (_NAME_LINES + MAX_LINES))
    memo: dict[tuple[int, int], Reading | None] = {}

    def cells(i: int, j: int) -> Reading | None:
        if (i, j) not in memo:
            got = readings(lines[i:j])
            memo[i, j] = got[0] if got else None
        return memo[i, j]

    best: tuple[float, list[tuple[list[Line], str, str]], list[Line]] | None = None
    for start in range(k, min(limit, k * _NAME_LINES + 1)):
        if not _continuation(lines[start - 1]):
            break
        names = split_exact(lines[:start], k)
        if any(not n or lx.is_value(join(n)) for n in names):
            continue
        head = sum(wrap_cost([ln.text for ln in n]) for n in names)
        got = _rows(cells, start, limit, k)
        if got is None:
            continue
        cost, rows, end = got
        cost += head + (_LEFT_OVER if end < len(lines) else 0.0)
        if best is None or cost < best[0]:
            best = (cost, [(n, r.target, r.actual) for n, r in zip(names, rows, strict=True)], lines[end:])
    return (best[1], best[2]) if best is not None else None


def _rows(cells: Callable[[int, int], Reading | None], start: int, limit: int, k: int) -> tuple[float, list[Reading], int] | None:
    """The cheapest cut of the lines from ``start`` into k rows' cells, and where they end."""
    # best[r][i]: cheapest reading of lines[start:i] as r rows
    first: dict[int, tuple[float, list[Reading]]] = {start: (0.0, [])}
    best = [first] + [{} for _ in range(k)]
    for r in range(k):
        for i, (cost, got) in best[r].items():
            for j in range(i + 1, min(limit, i + MAX_LINES) + 1):
                c = cells(i, j)
                if c is None:
                    continue
                total = cost + c.cost
                if j not in best[r + 1] or total < best[r + 1][j][0]:
                    best[r + 1][j] = (total, [*got, c])
    if not best[k]:
        return None
    end, (cost, rows) = min(best[k].items(), key=lambda kv: (kv[1][0] + (_LEFT_OVER if kv[0] < limit else 0.0), -kv[0]))
    return cost, rows, end
