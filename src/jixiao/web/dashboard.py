"""Figures for the dashboards: per department and year, from the stored forms.

Scores come from :mod:`jixiao.web.engine` (the pure core) and are cached per
(form, lock version), so a dashboard request does not rescore unchanged forms.
Every series carries the form ids behind each point, which the charts use to drill
down to the list of forms.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.cache import cache

from jixiao.web import engine
from jixiao.web.records.models import FormRecord

RATE_BINS = [(0, 60), (60, 80), (80, 90), (90, 95), (95, 100), (100, 10_000)]
SCORE_BINS = [(0, 60), (60, 70), (70, 80), (80, 90), (90, 95), (95, 101)]


def _dec(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def summary(record: FormRecord) -> dict[str, Any]:
    """Computed total, grade, claimed total and issue count of one form (cached)."""
    key = f"dash:{record.pk}:{record.lock_version}:{engine.rules_name(record.year)}"
    hit = cache.get(key)
    if hit is not None:
        return hit
    analysis = engine.analyse(record.data)
    score = analysis["score"] or {}
    total = (record.data.get("funds") or {}).get("total") or {}
    out = {
        "total": score.get("total"), "grade": score.get("grade"),
        "claimed": record.data.get("total_score"),
        "issues": len(analysis["issues"]), "errors": analysis["errors"],
        "budget": total.get("annual_budget"), "executed": total.get("executed"),
        "rate": (record.data.get("execution") or {}).get("rate_percent"),
    }
    cache.set(key, out, 3600)
    return out


def _bin(value: Decimal | None, bins: list[tuple[int, int]]) -> int | None:
    if value is None:
        return None
    for i, (low, high) in enumerate(bins):
        if low <= value < high:
            return i
    return None


def figures(records: list[FormRecord]) -> dict[str, Any]:
    by_unit: dict[str, dict[str, Any]] = defaultdict(lambda: {"budget": Decimal(0), "executed": Decimal(0), "ids": []})
    rate_bins: list[list[int]] = [[] for _ in RATE_BINS]
    score_bins: list[list[int]] = [[] for _ in SCORE_BINS]
    grades: dict[str, list[int]] = defaultdict(list)
    gaps: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    for r in records:
        s = summary(r)
        u = by_unit[r.unit.name]
        u["budget"] += _dec(s["budget"]) or 0
        u["executed"] += _dec(s["executed"]) or 0
        u["ids"].append(r.pk)
        rate = _dec(s["rate"])
        budget = _dec(s["budget"])
        if rate is None and budget:
            rate = (_dec(s["executed"]) or Decimal(0)) * 100 / budget
        i = _bin(rate, RATE_BINS)
        if i is not None:
            rate_bins[i].append(r.pk)
        total = _dec(s["total"])
        i = _bin(total, SCORE_BINS)
        if i is not None:
            score_bins[i].append(r.pk)
        grades[s["grade"] or "—"].append(r.pk)
        claimed = _dec(s["claimed"])
        if total is not None and claimed is not None:
            gaps.append({"id": r.pk, "name": r.project, "gap": str(claimed - total)})
        findings.append({"id": r.pk, "name": r.project, "count": s["issues"], "errors": s["errors"]})
    gaps.sort(key=lambda g: -abs(Decimal(g["gap"])))
    findings.sort(key=lambda f: (-f["count"], f["name"]))
    return {
        "units": [{"name": k, "budget": str(v["budget"]), "executed": str(v["executed"]), "ids": v["ids"]}
                  for k, v in sorted(by_unit.items())],
        "rates": [{"label": _label(b, "%"), "ids": ids} for b, ids in zip(RATE_BINS, rate_bins, strict=True)],
        "scores": [{"label": _label(b, ""), "ids": ids} for b, ids in zip(SCORE_BINS, score_bins, strict=True)],
        "grades": [{"label": g, "ids": ids} for g, ids in sorted(grades.items())],
        "gaps": gaps[:20],
        "findings": findings[:15],
        "count": len(records),
    }


def _label(bounds: tuple[int, int], suffix: str) -> str:
    low, high = bounds
    if high >= 1000:
        return f"≥{low}{suffix}"
    return f"{low}–{high}{suffix}"
