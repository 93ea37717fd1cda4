"""The report model: every table and chart series of the batch report, as plain data.

Built once from an :class:`Analysis`, then rendered to HTML, xlsx or PDF, so the three
say the same thing. Long lists are cut at ``limit`` rows (the full data is in the
long export); the counts always cover the whole batch.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from jixiao.analytics.analysis import Analysis
from jixiao.analytics.kinds import KINDS
from jixiao.core.issues import REGISTRY


def kind_title(code: str) -> str:
    t = REGISTRY.get(code)
    return t.title_zh if t else code


def build_model(a: Analysis, *, limit: int = 100) -> dict[str, Any]:
    counts = a.finding_counts()
    kinds = [
        {"code": code, "title": kind_title(code), "title_en": REGISTRY[code].title_en,
         "severity": sev.value, "count": counts.get(code, 0), "rows": a.findings(code, limit=limit)}
        for code, sev in KINDS.items()
    ]
    units = a.units(limit=limit)
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "rules": a.run.rules,
        "summary": a.summary(),
        "thresholds": a.thresholds,
        "ranked": a.ranked_forms(limit=limit),
        "gaps": a.gaps(limit=limit),
        "grades": a.grades(),
        "kinds": kinds,
        "exec_vs_score": a.exec_vs_score(limit=limit),
        "scatter": a.scatter(),
        "units": units,
        "yoy": a.year_over_year(limit=limit),
        "issues": [dict(r, title=kind_title(r["code"])) for r in a.top_issues()],
        "failures": [{"file": f.file, "reason": f.reason} for f in a.run.failures[: limit * 10]],
        "n_failures": len(a.run.failures),
        "limit": limit,
    }
