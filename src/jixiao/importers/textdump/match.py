"""Small assignment helpers: a Hungarian solver and the costs of pairing cells.

The costs encode general evidence only: a name that reads like a rate pairs with a
percentage, a deadline-like target with a 时效 row, a claimed score below its weight
with a target that was missed by the same ratio (得分 = 分值 × 完成比例).
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.importers.textdump import lexicon as lx

INF = 1e9


def hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost assignment for an n×m matrix (n ≤ m): column chosen for each row."""
    n = len(cost)
    if n == 0:
        return []
    m = len(cost[0])
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [INF] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], INF, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    out = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            out[p[j] - 1] = j - 1
    return out


def assign(cost: list[list[float]]) -> list[int]:
    """Assignment for any shape; rows left over get -1."""
    if not cost or not cost[0]:
        return [-1] * len(cost)
    n, m = len(cost), len(cost[0])
    if n <= m:
        return hungarian(cost)
    cols = hungarian([list(col) for col in zip(*cost, strict=True)])
    out = [-1] * n
    for j, i in enumerate(cols):
        if i >= 0:
            out[i] = j
    return out


def name_kind(name: str | None) -> str | None:
    """What a name says its values are; a bracketed note at its end (（2）, (市级)) is not
    part of what it measures."""
    if not name:
        return None
    name = re.sub(r"\s*[（(][^（()）]*[）)]$", "", name.strip()) or name
    if "满意" in name or re.search(r"率$|比例$|比率$", name):
        return "percent"
    if re.search(r"及时|时间|时限|进度|完成时|按时|按期", name):
        return "deadline"
    if re.search(r"(?:数|人次|次数|数量|人数|量|期数|个数|场次)$", name):
        return "count"
    return None


def kind_cost(name_k: str | None, value_k: str | None) -> float:
    if name_k is None or value_k is None:
        return 0.2
    if name_k == value_k:
        return 0.0
    if {name_k, value_k} == {"percent", "count"}:
        return 0.5
    return 0.8


_NUM = re.compile(r"\d+(?:\.\d+)?")


def achievement(target: str | None, actual: str | None) -> Decimal | None:
    """actual / target for numeric cells (target / actual for ≤ targets), else None."""
    if not target or not actual:
        return None
    t = _NUM.findall(target.replace(",", ""))
    a = _NUM.findall(actual.replace(",", ""))
    if len(t) != 1 or len(a) != 1:
        return None
    tv, av = Decimal(t[0]), Decimal(a[0])
    if tv == 0:
        return None
    lower_better = target.lstrip()[:1] in "<≤＜"
    if lower_better:
        return Decimal(1) if av <= tv else (tv / av if av else None)
    return min(Decimal(1), av / tv)


def score_cost(weight: Decimal | None, score: Decimal | None, ratio: Decimal | None, has_dev: bool) -> float:
    """How well a row's claimed 得分 fits its target/actual."""
    if weight is None or score is None or weight == 0:
        return 0.0
    full = score >= weight
    if ratio is None:
        if full:
            return 0.4 if has_dev else 0.0
        return 0.2 if has_dev else 0.6
    if full:
        return 0.0 if ratio >= 1 else 1.5
    if ratio >= 1:
        return 2.0
    return min(2.0, float(abs(score / weight - ratio)) * 5)


def value_kind(*texts: str | None) -> str | None:
    kinds = [lx.affinity(t) for t in texts if t]
    if not kinds:
        return None
    for k in ("deadline", "money", "count", "percent"):
        if k in kinds:
            return k
    return "text"
