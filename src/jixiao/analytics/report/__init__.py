"""The batch audit report as HTML (ECharts inline), xlsx and PDF, from one report model."""

from __future__ import annotations

import os
from pathlib import Path

from jixiao.analytics.analysis import Analysis
from jixiao.analytics.crossform import Thresholds
from jixiao.analytics.report.model import build_model
from jixiao.analytics.run import AuditRun

FORMATS = ("html", "xlsx", "pdf")


def write_report(
    source: AuditRun | Analysis,
    out: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    thresholds: Thresholds | None = None,
    limit: int = 100,
) -> Path:
    """Write the report of a run to ``out``; the format follows the suffix unless ``fmt`` is given."""
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".") or "html").lower()
    if fmt not in FORMATS:
        raise ValueError(f"report format must be one of {FORMATS}, not {fmt!r}")
    analysis = source if isinstance(source, Analysis) else Analysis(source, thresholds)
    try:
        model = build_model(analysis, limit=limit)
    finally:
        if analysis is not source:
            analysis.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        from jixiao.analytics.report.xlsx import render_xlsx

        out.write_bytes(render_xlsx(model))
    elif fmt == "pdf":
        from jixiao.analytics.report.pdf import render_pdf

        out.write_bytes(render_pdf(model))
    else:
        from jixiao.analytics.report.html import render_html

        out.write_text(render_html(model), encoding="utf-8")
    return out


__all__ = ["FORMATS", "write_report"]
