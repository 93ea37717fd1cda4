"""Which 一级/二级指标 each row belongs to, from the form's own arithmetic.

The labels of merged cells come out of a dump away from their rows, so the rows of a
form (in 分值/得分 order) are cut into contiguous groups, one per 二级指标 printed on the
page, in the canonical order of the official layout. The cut minimises a cost made of:
- the 一级指标 weight split (产出 50 / 效益 30 / 满意度 10 with 10 for execution is the
  standard one; a cut that reaches it is strongly preferred),
- how well each row's target/actual fits the group (a deadline is 时效, a count 数量 …),
- the number of names printed after each label, and labels printed inline with a row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.importers.textdump import lexicon as lx

STANDARD_SPLIT = {"产出指标": Decimal(50), "效益指标": Decimal(30), "满意度指标": Decimal(10)}

TOPIC_WEIGHT = 0.3
"""What a row's wording is worth: less than a value kind (0.5-1.5) or a counted name (0.5)."""

_State = tuple[int, int, Decimal]
"""(slots consumed, last group index, running level-1 weight) of the cut search."""


@dataclass
class SlotInfo:
    page: int
    weight: Decimal
    kind: str | None
    fixed: str | None = None
    line: float = 0.0
    topic: str | None = None
    """The 效益 二级指标 the row's own words point to (``topics.topic``), a tie-break."""


@dataclass
class PageGroups:
    page: int
    labels: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    strong: dict[str, int] = field(default_factory=dict)
    fixed_only: set[str] = field(default_factory=set)
    assumed: bool = False
    positions: dict[str, float] = field(default_factory=dict)
    """Line of each label when the dump keeps positions (a merged cell's label is centred)."""
    carried: set[str] = field(default_factory=set)
    """Labels not printed on the page but possibly running on from the page before or after
    (a merged cell cut by a page break prints its label once): free to use or to skip."""


def level1_of(level2: str) -> str:
    return lx.LEVEL2.get(level2, level2)


def partition(slots: list[SlotInfo], pages: list[PageGroups], exec_weight: Decimal | None) -> tuple[list[str | None], float]:
    """The 二级指标 of every slot, and the margin to the next best cut (confidence)."""
    groups: list[tuple[int, str, PageGroups]] = []
    for pg in pages:
        for lab in pg.labels:
            groups.append((pg.page, lab, pg))
    if not slots or not groups:
        return [None] * len(slots), 0.0
    n, g_n = len(slots), len(groups)
    split = STANDARD_SPLIT if exec_weight in (None, Decimal(10)) else {}

    def seg_cost(i: int, k: int, g: int) -> float:
        page, lab, pg = groups[g]
        cost = 0.0
        for s in slots[i:k]:
            if s.page != page:
                return 1e6
            if s.fixed and s.fixed != lab:
                cost += 10
            cost -= lx.AFFINITY.get(lab, {}).get(s.kind or "", 0.0)
            if s.topic == lab and lab not in pg.positions:  # a label's position is evidence, wording a hint
                cost -= TOPIC_WEIGHT
        size = k - i
        if lab in pg.positions:
            centre = (slots[i].line + slots[k - 1].line) / 2
            cost += 0.1 * abs(centre - pg.positions[lab])
        c = pg.counts.get(lab, 0)
        if (c or pg.counts) and lab not in pg.carried:
            deficit, excess = max(0, size - c), max(0, c - size)
            cost += (1.0 if lab in pg.fixed_only else 0.5) * deficit + 0.2 * excess
        strong = pg.strong.get(lab, 0)
        if size < strong:
            cost += 2.0 * (strong - size)
        # tie-break when nothing tells two groups apart (社会效益/可持续影响 rows of one kind):
        # not one group taking all but one row (wrong by many rows when wrong) but a split
        # keeping the earlier group a little larger, as forms usually list it longer
        return cost - 0.0025 * size * (g_n - g) + 0.0005 * size * size

    def l1_cost(l1: str, total: Decimal) -> float:
        if l1 in split:
            return 0.0 if total == split[l1] else 3.0
        return 0.0

    # state: (slots consumed, last group index, running L1 sum) -> (cost, back pointer)
    start = (0, -1, Decimal(0))
    best: dict[_State, tuple[float, _State | None, tuple[int, int, int] | None]] = {start: (0.0, None, None)}
    by_j: dict[int, list[_State]] = {0: [start]}
    finals: list[tuple[float, _State]] = []
    for j in range(n + 1):
        for state in by_j.get(j, []):
            _, g, run = state
            base = best[state][0]
            if j == n:
                last_l1 = level1_of(groups[g][1]) if g >= 0 else ""
                finals.append((base + l1_cost(last_l1, run) + _skips(groups, g + 1, g_n), state))
                continue
            for g2 in range(g + 1, g_n):
                if groups[g2][0] != slots[j].page:
                    if groups[g2][0] > slots[j].page:
                        break
                    continue
                skip = _skips(groups, g + 1, g2)
                for k in range(j + 1, n + 1):
                    if slots[k - 1].page != slots[j].page:
                        break
                    c = seg_cost(j, k, g2)
                    if c >= 1e6:
                        break
                    w = sum((s.weight for s in slots[j:k]), Decimal(0))
                    same = g >= 0 and level1_of(groups[g][1]) == level1_of(groups[g2][1])
                    extra = 0.0 if same or g < 0 else l1_cost(level1_of(groups[g][1]), run)
                    st = (k, g2, run + w if same else w)
                    total = base + skip + c + extra
                    if st not in best:
                        by_j.setdefault(k, []).append(st)
                        best[st] = (total, state, (j, k, g2))
                    elif total < best[st][0] - 1e-9:
                        best[st] = (total, state, (j, k, g2))
    if not finals:
        return [None] * n, 0.0
    finals.sort(key=lambda x: x[0])
    out: list[str | None] = [None] * n
    cur: _State | None = finals[0][1]
    while cur is not None:
        _, prev, seg = best[cur]
        if seg is None:
            break
        j, k, g2 = seg
        for idx in range(j, k):
            out[idx] = groups[g2][1]
        cur = prev
    return out, _sensitivity(out, slots, groups, seg_cost, l1_cost, finals[0][0])


def _sensitivity(
    out: list[str | None],
    slots: list[SlotInfo],
    groups: list[tuple[int, str, PageGroups]],
    seg_cost: Callable[[int, int, int], float],
    l1_cost: Callable[[str, Decimal], float],
    best: float,
) -> float:
    """How much worse the cut gets when one boundary moves by one row (0 = a tie)."""

    def total(labels: list[str | None]) -> float:
        cost, i, run, prev_l1 = 0.0, 0, Decimal(0), None
        gidx = 0
        while i < len(labels):
            k = i
            while k < len(labels) and labels[k] == labels[i] and slots[k].page == slots[i].page:
                k += 1
            g = next((x for x in range(gidx, len(groups)) if groups[x][1] == labels[i] and groups[x][0] == slots[i].page), None)
            if g is None:
                return 1e9
            gidx = g + 1
            cost += seg_cost(i, k, g)
            l1 = level1_of(labels[i] or "")
            w = sum((s.weight for s in slots[i:k]), Decimal(0))
            if l1 != prev_l1 and prev_l1 is not None:
                cost += l1_cost(prev_l1, run)
                run = Decimal(0)
            run += w
            prev_l1 = l1
            i = k
        return cost + (l1_cost(prev_l1, run) if prev_l1 else 0.0)

    base = total(out)
    margin = 5.0
    for i in range(1, len(out)):
        if out[i] != out[i - 1] and slots[i].page == slots[i - 1].page:
            for j, lab in ((i, out[i - 1]), (i - 1, out[i])):
                alt = list(out)
                alt[j] = lab
                margin = min(margin, total(alt) - base)
    return max(0.0, margin)


def _skips(groups: list[tuple[int, str, PageGroups]], a: int, b: int) -> float:
    return sum(_skip_cost(groups[x][1], groups[x][2]) for x in range(a, b))


def _skip_cost(label: str, pg: PageGroups) -> float:
    """What leaving a group without rows costs: nothing for a group only assumed or carried
    over a page break, much for a label printed at a position (a merged cell is centred on
    rows of its page), some for a label whose place the dump lost."""
    if pg.assumed or label in pg.carried:
        return 0.0
    return 5.0 if label in pg.positions else 1.0
