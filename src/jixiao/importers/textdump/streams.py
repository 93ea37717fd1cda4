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


def assign_paired(texts: list[str], rows: int) -> tuple[list[str], dict[int, int]] | None:
    """Roles as :func:`assign_roles`, and which target pairs with which actual.

    A target and its actual pair in print order (the k-th with the k-th), except that a
    cell may pair with a later waiting one at a small cost per place: pdfminer sometimes
    prints a column's boxes out of row order (95% before the 6679份 of the row above).
    """
    m = len(texts)
    # a few cells may be missing (a row's cells printed on another page, two cells run
    # together): the streams then end early, each missing cell at a cost
    slack = max(0, 3 * rows - m)
    if rows <= 0 or slack > 6 or m > 3 * rows + 12:
        return None
    kinds = [kind(x) for x in texts]
    # a table's names are unique: a text printed more than once is a target/actual value
    repeated = {x for x in texts if texts.count(x) > 1}
    beam: list[_State] = [_State(0.0, 0, 0, 0, (), None, "")]
    for i in range(m):
        nxt: dict[tuple, _State] = {}
        left = m - i - 1
        costs = _COST[kinds[i]]
        if texts[i] in repeated:
            costs = {**costs, "N": costs["N"] + 1.5}
        for st in beam:
            for r in ROLES:
                n, t, a, pend = st.n, st.t, st.a, st.pend
                c = st.cost + costs[r]
                if r == "N":
                    n += 1
                options: list[tuple[float, tuple[int, ...], int]] = [(c, pend, -1)]
                if r == "T":
                    t += 1
                    if t <= a:  # its actual (or one of the actuals waiting) was printed first
                        options = [(c + pair_cost(texts[i], texts[w]) + OUT_OF_ORDER * j, pend[:j] + pend[j + 1 :], w) for j, w in enumerate(pend[:3])]
                    else:
                        options = [(c, (*pend, i), -1)]
                elif r == "A":
                    a += 1
                    if a <= t:
                        options = [(c + pair_cost(texts[w], texts[i]) + OUT_OF_ORDER * j, pend[:j] + pend[j + 1 :], w) for j, w in enumerate(pend[:3])]
                    else:
                        options = [(c, (*pend, i), -1)]
                if n > rows or t > rows or a > rows or 3 * rows - n - t - a - slack > left:
                    continue
                for oc, opend, partner in options:
                    key = (n, t, a, opend)
                    old = nxt.get(key)
                    if old is None or oc < old.cost - 1e-9:
                        nxt[key] = _State(oc, n, t, a, opend, st, r, partner)
        beam = heapq.nsmallest(BEAM, nxt.values(), key=lambda s: s.cost)
    done = [s for s in beam if 3 * rows - s.n - s.t - s.a <= slack]
    if not done:
        return None
    best = min(done, key=lambda s: s.cost + 1.0 * (3 * rows - s.n - s.t - s.a))
    return best.roles(), best.pairs()
