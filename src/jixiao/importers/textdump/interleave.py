"""A row's target and actual cells printed line by line in turn (plain pdftotext).

When the 年度指标值 and 实际完成值 cells of one row wrap to different heights, plain
pdftotext prints their lines by height, not cell by cell: with the cells centred in the
row, a 4-line actual beside a 2-line target comes out as 完成1 / 目标1 完成2 / 目标2 /
完成3 / 完成4 (lines at one height on one line, target first, or one after the other),
and a 3-line cell beside a 2-line one alternates strictly (完成1 目标1 完成2 目标2 完成3).
:func:`readings` gives every (target, actual) that such a print allows, for cells centred
or top-aligned, with the cost of its wraps: inside a cell every line but the last is as
wide as the column, so a short line that is not its cell's last costs, and so does a value
(>=90%, 6月底前) wrapped into other lines; a figure (95%) beside a plain text costs too.

The lines alone cannot always tell which cell is which: a 3-line cell beside a 2-line one
reads as well either way round. Then the value grammar decides where it can (a target
reads >=90%, 6月底前, 300-400人; an actual 95%, 按要求完成); for two plain texts the
taller is taken as the actual (an 实际完成值 restates its target and adds what was done),
and the reading says it was a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jixiao.core.grammar import (
    Comparison,
    Completion,
    Compound,
    Deadline,
    Qualitative,
    Quantity,
    Range,
    YesNo,
    parse,
)
from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.tokens import Line

MAX_LINES = 12
"""Lines one row's two cells may take (a longer run is not one row)."""

_CELL_KINDS = ("text", "value", "percent")


@dataclass(frozen=True)
class Reading:
    target: str
    actual: str
    cost: float
    guessed: bool = False
    """Another reading as cheap gives the texts the other way round."""


@cache
def _layout(n_t: int, n_a: int, centred: bool) -> tuple[tuple[tuple[str, int], ...], ...]:
    """The lines of a target of n_t lines beside an actual of n_a lines, top to bottom:
    each a group of the cell lines printed at one height (target first)."""
    # heights in half lines; centred cells share their middle, top-aligned their top
    ys = [("T", i, 2 * i - (n_t if centred else 0)) for i in range(n_t)]
    ys += [("A", j, 2 * j - (n_a if centred else 0)) for j in range(n_a)]
    ys.sort(key=lambda e: (e[2], e[0] == "A"))
    groups: list[list[tuple[str, int]]] = []
    last: int | None = None
    for side, i, y in ys:
        if groups and y == last:
            groups[-1].append((side, i))
        else:
            groups.append([(side, i)])
        last = y
    return tuple(tuple(g) for g in groups)


def _fit(lines: list[list[str]], groups: tuple[tuple[tuple[str, int], ...], ...]) -> tuple[list[str], list[str]] | None:
    """The target and actual lines when the printed ``lines`` (their words) follow ``groups``."""
    t: list[str] = []
    a: list[str] = []
    k = 0
    for g in groups:
        if k >= len(lines):
            return None
        words = lines[k]
        if len(g) == 2 and len(words) == 2:
            t.append(words[0])
            a.append(words[1])
            k += 1
            continue
        if len(words) != 1:
            return None
        for side, _i in g:
            if k >= len(lines) or len(lines[k]) != 1:
                return None
            (t if side == "T" else a).append(lines[k][0])
            k += 1
    return (t, a) if k == len(lines) else None


def wrap_cost(texts: list[str]) -> float:
    """What a cell's lines cost as one wrapped cell (0 for a single line)."""
    if len(texts) <= 1:
        return 0.0
    if any(lx.is_value(x) for x in texts):
        return 1.5  # a value is a cell of its own, never part of wrapped text
    ws = [lx.width(x) for x in texts]
    full = max(ws)
    cost = sum(1.0 for w in ws[:-1] if w < full - 2)
    if ws[-1] > max(ws[:-1]) + 2:
        cost += 1.0
    return cost


def _side(text: str) -> int:
    """+1 where the grammar reads a target (a bound, a range, a deadline), -1 an actual."""
    v = parse(text)
    if isinstance(v, Comparison | Range | Deadline | Compound):
        return 1
    if isinstance(v, Completion | YesNo | Quantity):
        return -1
    return 0


def pair_cost(target: str, actual: str) -> float:
    """A figure (95%, >=90%, 300-400人) beside a plain text is seldom one row's pair."""
    kinds = {_kind(target), _kind(actual)}
    return 1.0 if kinds == {"figure", "text"} else 0.0


def _kind(text: str) -> str:
    v = parse(text)
    if isinstance(v, Quantity | Comparison | Range):
        return "figure"
    return "text" if isinstance(v, Qualitative) else "other"


def readings(lines: list[Line]) -> list[Reading]:
    """Every reading of ``lines`` as one row's target and actual, cheapest first."""
    if not lines or len(lines) > MAX_LINES:
        return []
    if any(not ln.toks or len(ln.toks) > 2 or any(t.kind not in _CELL_KINDS for t in ln.toks) for ln in lines):
        return []
    words = [[t.text for t in ln.toks] for ln in lines]
    n = sum(len(w) for w in words)
    seen: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[float, int, int]] = {}
    for n_t in range(1, n):
        for centred in (True, False):
            got = _fit(words, _layout(n_t, n - n_t, centred))
            if got is None:
                continue
            t, a = got
            key = (tuple(t), tuple(a))
            if key in seen:
                continue
            orient = _side("".join(t)) - _side("".join(a))
            tt, at = "".join(t), "".join(a)
            seen[key] = (wrap_cost(t) + wrap_cost(a) + pair_cost(tt, at), -orient, -int(len(a) > len(t)))
    ranked = sorted(seen.items(), key=lambda kv: kv[1])
    out: list[Reading] = []
    for (tl, al), (cost, orient, _taller) in ranked:
        # a mirror as cheap and no grammar to choose: the taller-is-actual rule decided
        guessed = orient == 0 and seen.get((al, tl), (None,))[0] == cost
        out.append(Reading("".join(tl), "".join(al), cost, guessed))
    return out


_NO_READING = 5.0
"""What a run of lines costs when no print of two cells gives it."""


def _best(lines: list[Line]) -> Reading | None:
    got = readings(lines)
    return got[0] if got else None


def lead_row(before: list[Line], both: Line, after: list[Line], above: bool | None) -> tuple[list[Line], list[Line], Reading] | None:
    """A row read from the text lines ``before`` the line holding both its cells, that
    line, and the lines ``after`` it up to its 分值/得分: the lines for the row above's
    偏差原因, the name's lines and the cells — when the taller cell's first lines were
    printed before ``both`` (between the name and it) and that reading costs clearly
    less than every reading whose cells start at ``both``. ``above`` tells whether the
    row above scored in full (a 偏差原因 there is unlikely), None when there is none."""
    if not before or len(before) + 1 + len(after) > MAX_LINES:
        return None

    def head(dev: list[Line], name: list[Line]) -> float:
        cost = wrap_cost([ln.text for ln in name])
        if dev:
            if above is None:
                return _NO_READING
            cost += wrap_cost([ln.text for ln in dev]) + (1.0 if above else 0.0)
        return cost

    plain = _best([both, *after])
    plain_cost = min(head(before[:i], before[i:]) for i in range(len(before))) + (plain.cost if plain else _NO_READING)
    best: tuple[float, list[Line], list[Line], Reading] | None = None
    for i in range(len(before)):
        for j in range(i + 1, len(before)):
            got = _best([*before[j:], both, *after])
            if got is None:
                continue
            cost = head(before[:i], before[i:j]) + got.cost
            if best is None or cost < best[0]:
                best = (cost, before[:i], before[i:j], got)
    if best is None or best[0] > plain_cost - 0.5:
        return None
    return best[1], best[2], best[3]
