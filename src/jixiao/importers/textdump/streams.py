"""Column-major pages: which printed cell is a name, a target, an actual (or neither).

When a table comes out column by column in irregular chunks, every column is still
printed top to bottom: the names, the targets and the actuals each form one stream in
row order, interleaved arbitrarily. Knowing the number of rows (from the 分值/得分
column), the cells are given roles so that the k-th target pairs with the k-th actual,
at the least cost. The costs use the value grammar only (never a project's words): a
comparison, range or deadline reads as a target, a bare quantity or a completion as an
actual, plain text as a name or a qualitative value; a target and actual printed
identically, or in the same unit family, make a good pair. A beam search over the
print order finds the cheapest reading (exact while the beam holds every state).
"""

from __future__ import annotations

import heapq
import re
from functools import lru_cache

from jixiao.core.grammar import parse
from jixiao.core.grammar.units import unit_family
from jixiao.core.grammar.values import Comparison, Completion, Compound, Deadline, Quantity, Range

ROLES = ("N", "T", "A", "X")
# role cost by the kind of a cell's text
_COST = {
    "cmp": {"N": 4.0, "T": 0.0, "A": 3.0, "X": 2.5},
    "qty": {"N": 3.0, "T": 1.0, "A": 0.0, "X": 2.5},
    "done": {"N": 2.5, "T": 1.2, "A": 0.0, "X": 2.5},
    "when": {"N": 3.0, "T": 0.5, "A": 0.5, "X": 2.5},
    "text": {"N": 0.0, "T": 0.6, "A": 0.6, "X": 2.5},
    "sentence": {"N": 1.5, "T": 0.6, "A": 0.6, "X": 0.5},
    "name": {"N": 0.0, "T": 1.2, "A": 1.2, "X": 2.5},
}
_NAME_END = re.compile(r"(?:满意度|[^效]率|人数|次数|份数|家数|场次|完成情况|及时性|完成时间)$")
"""How an indicator's name ends (满意度, 通过率, 人数 …); a value reads 持续提高, 健全, 95%."""
BEAM = 400
PER_WAIT = 10
LIFO_BEAM = 100
_parse = lru_cache(maxsize=8192)(parse)


@lru_cache(maxsize=4096)
def kind(text: str) -> str:
    """cmp (reads as a target), qty / done (reads as an actual), when (either), text or sentence."""
    v = _parse(text)
    if isinstance(v, Deadline) and v.action:
        return "when"  # 年底前完成: a deadline met, or one set
    if isinstance(v, (Comparison, Range, Deadline)):
        return "cmp"
    if isinstance(v, Compound) and any(isinstance(p, (Comparison, Range, Deadline)) for p in v.parts):
        return "cmp"
    if isinstance(v, Quantity) and not (v.label and len(v.label) >= 2):
        return "qty"
    if isinstance(v, Completion):
        return "done"
    if text.endswith(("。", "；", ";")):
        return "sentence"
    return "name" if _NAME_END.search(text) and not any(ch.isdigit() for ch in text) else "text"


@lru_cache(maxsize=4096)
def _family(text: str) -> str | None:
    v = _parse(text)
    q = v.quantity if isinstance(v, Comparison) else (v.low if isinstance(v, Range) else v)
    return unit_family(q.unit) if isinstance(q, Quantity) else None


@lru_cache(maxsize=65536)
def pair_cost(t: str, a: str) -> float:
    if t == a:
        return -1.0  # a qualitative value met as printed
    kt, ka = kind(t), kind(a)
    if kt in ("cmp", "qty") and ka == "qty":
        ft, fa = _family(t), _family(a)
        if ft is not None and fa is not None:
            return -0.5 if ft == fa else 1.5
        return 0.0
    if kt == "cmp" and ka in ("done", "when"):
        return -0.5 if isinstance(_parse(t), (Deadline, Compound)) else 0.5
    if kt == "cmp" or ka in ("qty", "done"):
        return 0.5
    return 0.3


class _State:
    """A partial reading: counts per stream, the targets (or actuals) still waiting for
    their partner, and a back pointer for the roles."""

    __slots__ = ("a", "cost", "n", "pair", "parent", "pend", "role", "t")

    def __init__(self, cost: float, n: int, t: int, a: int, pend: tuple[int, ...], parent: _State | None, role: str, pair: int = -1) -> None:
        self.cost, self.n, self.t, self.a, self.pend, self.parent, self.role = cost, n, t, a, pend, parent, role
        self.pair = pair
        """The waiting cell this one was paired with (-1: none)."""

    def pairs(self) -> dict[int, int]:
        """Cell index -> its partner, both ways."""
        out: dict[int, int] = {}
        st: _State | None = self
        k = 0
        chain: list[_State] = []
        while st is not None and st.parent is not None:
            chain.append(st)
            st = st.parent
        for k, node in enumerate(reversed(chain)):
            if node.pair >= 0:
                out[k] = node.pair
                out[node.pair] = k
        return out

    def roles(self) -> list[str]:
        out: list[str] = []
        st: _State | None = self
        while st is not None and st.parent is not None:
            out.append(st.role)
            st = st.parent
        return out[::-1]


def assign_roles(texts: list[str], rows: int) -> list[str] | None:
    """One role per cell (N name, T target, A actual, X other), ``rows`` of each of N/T/A;
    None when the cells cannot hold that many rows."""
    found = assign_paired(texts, rows)
    return found[0] if found is not None else None


OUT_OF_ORDER = 0.3
"""Cost of pairing a cell with a partner that is not the oldest one waiting, per place."""
ADJACENT = 0.01
"""Tie-break for a target and actual printed one right after the other with nothing else
waiting: pdfminer prints a row's boxes in turn when it groups them (及时 / 及时 then
3月底前 / 按期完成 reads so, not as 及时 … 3月底前 across rows at the same cost)."""


def _partners(pend: tuple[int, ...], i: int, lifo: bool) -> list[tuple[int, int, float]]:
    """The waiting cells cell ``i`` may pair with: (index in ``pend``, cell, order cost).

    The oldest few waiting cells in turn (a column printed top to bottom); a partner
    printed right before ``i`` with nothing else waiting earns :data:`ADJACENT`. With
    ``lifo`` also the cell printed just before ``i`` however many wait before it: a row
    whose target and actual come out together (安全 / 安全, or <=60分钟 / 46分钟 grouped by
    pdfminer) while the other rows' actuals come later as one column."""
    out = [(j, w, OUT_OF_ORDER * j) for j, w in enumerate(pend[:3])]
    if pend and pend[-1] == i - 1:
        if len(pend) == 1:
            out[0] = (0, pend[0], -ADJACENT)
        elif lifo:
            out = [x for x in out if x[1] != i - 1] + [(len(pend) - 1, i - 1, OUT_OF_ORDER)]
    return out


def assign_paired(texts: list[str], rows: int) -> tuple[list[str], dict[int, int]] | None:
    """Roles as :func:`assign_roles`, and which target pairs with which actual.

    A target and its actual pair in print order (the k-th with the k-th), except that a
    cell may pair with a later waiting one at a small cost per place: pdfminer sometimes
    prints a column's boxes out of row order (95% before the 6679份 of the row above),
    or prints one row's target and actual together while the column's other cells wait.
    The search is run without and with that last move and the cheaper reading kept: the
    move pays at once, and a beam holding it crowds out a column waiting for its partner
    column further down (the exact search is out of reach).
    """
    m = len(texts)
    # a few cells may be missing (a row's cells printed on another page, two cells run
    # together): the streams then end early, each missing cell at a cost
    slack = max(0, 3 * rows - m)
    if rows <= 0 or slack > 6 or m > 3 * rows + 12:
        return None
    found = [x for x in (_search(texts, rows, slack, lifo) for lifo in (False, True)) if x is not None]
    if not found:
        return None
    cost, best = min(found, key=lambda x: x[0])
    # a chunk of values printed ahead of its rows: read again with it last, kept if cheaper
    roles, pairs = best.roles(), best.pairs()
    late = _early_chunk(texts, roles)
    if late is not None:
        order = [k for k in range(m) if k not in late] + late
        moved = [x for x in (_search([texts[k] for k in order], rows, slack, lifo) for lifo in (False, True)) if x is not None]
        if moved and min(x[0] for x in moved) < cost - 1e-9:
            alt = min(moved, key=lambda x: x[0])[1]
            back = alt.roles()
            roles = [""] * m
            for k, r in zip(order, back, strict=True):
                roles[k] = r
            pairs = {order[k]: order[v] for k, v in alt.pairs().items()}
    return roles, pairs


def _early_chunk(texts: list[str], roles: list[str]) -> list[int] | None:
    """The cells of a value chunk printed ahead of its place, when the reading shows one:
    a bare quantity (89%, 1200人) had to be read as a target, as the actual column came
    out of row order. The chunk is the run of targets and actuals around the first such
    cell, with no name or other cell inside: pdfminer may print the lower rows' values
    before the column's upper rows (``安全 稳定 96% 89%``, the last four rows' actuals,
    then the rows above), so the search is run again with the chunk printed last. None:
    no such cell, or its chunk is printed last already."""
    at = next((k for k, r in enumerate(roles) if r == "T" and kind(texts[k]) == "qty"), None)
    if at is None:
        return None
    lo, hi = at, at + 1
    while lo > 0 and roles[lo - 1] in ("T", "A"):
        lo -= 1
    while hi < len(roles) and roles[hi] in ("T", "A"):
        hi += 1
    if hi == len(roles) or hi - lo < 2:
        return None  # already last, or a lone cell
    return list(range(lo, hi))


_Key = tuple[int, int, int, tuple[int, ...]]
"""(names, targets, actuals read so far, the cells waiting for a partner)."""


def _prune(cands: dict[_Key, tuple[float, _State, str, int]], per_wait: int, width: int = BEAM) -> list[_State]:
    """The beam: the cheapest readings, and the cheapest few of every number of cells left
    waiting. A target column waiting for the actual column printed further down (7
    targets open) costs more so far than readings pairing those cells among themselves,
    and would be crowded out before its partners come."""
    items = list(cands.items())
    if len(items) > width:
        keep = {k: v for k, v in heapq.nsmallest(width, items, key=lambda kv: kv[1][0])}
        by_wait: dict[int, list[tuple[_Key, tuple[float, _State, str, int]]]] = {}
        for kv in items:
            by_wait.setdefault(len(kv[0][3]), []).append(kv)
        for group in by_wait.values() if per_wait else ():
            if len(group) > per_wait:
                group = heapq.nsmallest(per_wait, group, key=lambda kv: kv[1][0])
            keep.update(group)
        items = list(keep.items())
    return [_State(cost, n, t, a, pend, parent, role, partner) for (n, t, a, pend), (cost, parent, role, partner) in items]


def _offer(nxt: dict[_Key, tuple[float, _State, str, int]], key: _Key, cost: float, st: _State, role: str, partner: int = -1) -> None:
    """Keep the cheaper way to a search state (the first offered on a tie)."""
    old = nxt.get(key)
    if old is None or cost < old[0] - 1e-9:
        nxt[key] = (cost, st, role, partner)


def _search(texts: list[str], rows: int, slack: int, lifo: bool) -> tuple[float, _State] | None:
    """The beam search of :func:`assign_paired`: the cheapest final state and its cost."""
    m = len(texts)
    kinds = [kind(x) for x in texts]
    # a table's names are unique: a text printed more than once is a target/actual value
    repeated = {x for x in texts if texts.count(x) > 1}
    beam: list[_State] = [_State(0.0, 0, 0, 0, (), None, "")]
    for i in range(m):
        nxt: dict[_Key, tuple[float, _State, str, int]] = {}
        left = m - i - 1
        costs = _COST[kinds[i]]
        if texts[i] in repeated:
            costs = {**costs, "N": costs["N"] + 1.5}
        here = texts[i]
        need = 3 * rows - slack - left  # cells the reading must hold once this one is read
        for st in beam:
            n, t, a, pend = st.n, st.t, st.a, st.pend
            held = n + t + a + 1
            if held < need:  # too few cells left to fill the rows
                continue
            if n < rows:
                _offer(nxt, (n + 1, t, a, pend), st.cost + costs["N"], st, "N")
            for r, t2, a2 in (("T", t + 1, a), ("A", t, a + 1)):
                if t2 > rows or a2 > rows:
                    continue
                c = st.cost + costs[r]
                if (t2 > a2) if r == "T" else (a2 > t2):  # nothing of the other column waits
                    _offer(nxt, (n, t2, a2, (*pend, i)), c, st, r)
                    continue
                for j, w, oc in _partners(pend, i, lifo):
                    pc = pair_cost(here, texts[w]) if r == "T" else pair_cost(texts[w], here)
                    _offer(nxt, (n, t2, a2, pend[:j] + pend[j + 1 :]), c + pc + oc, st, r, w)
            if held - 1 >= need:  # X: the cell is no row's
                _offer(nxt, (n, t, a, pend), st.cost + costs["X"], st, "X")
        beam = _prune(nxt, 0, LIFO_BEAM) if lifo else _prune(nxt, PER_WAIT)
    done = [(s.cost + 1.0 * (3 * rows - s.n - s.t - s.a), s) for s in beam if 3 * rows - s.n - s.t - s.a <= slack]
    return min(done, key=lambda x: x[0]) if done else None
