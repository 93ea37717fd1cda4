"""HTML rendering of the batch report, with ECharts embedded inline (no CDN, works offline).

The ECharts build is the one the web app vendors (``jixiao/web/static/.../echarts-*.min.js``);
when it is missing, or for the PDF, the charts are left out and their data stays in the
tables next to them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

_TEMPLATES = Path(__file__).with_name("templates")
_PACKAGE = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def echarts_source() -> str | None:
    """The vendored ``echarts.min.js`` text, or ``None`` when the package has none."""
    for folder in (_PACKAGE / "web" / "static" / "jixiao" / "vendor", _PACKAGE / "analytics" / "static"):
        found = sorted(folder.glob("echarts*.min.js"))
        if found:
            return found[-1].read_text(encoding="utf-8").replace("</script", "<\\/script")
    return None


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["num"] = _num
    env.filters["pct"] = lambda v: "—" if v is None else f"{float(v) * 100:.1f}%"
    return env


def _num(value: Any, places: int = 2) -> str:
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{float(value):,.{places}f}"


def chart_data(model: dict[str, Any]) -> dict[str, Any]:
    units = model["units"][:15]
    return {
        "scatter": [[x, y, name] for x, y, name in model["scatter"]],
        "low_exec": model["thresholds"].low_exec_rate,
        "high_score": model["thresholds"].high_score,
        "kinds": [[k["title"], k["count"]] for k in model["kinds"]],
        "grades": [[g["grade"], g["claimed"], g["computed"]] for g in model["grades"]],
        "units": [[u["unit"], round((u["too_low_share"] or 0) * 100, 1),
                   round((u["qualitative_share"] or 0) * 100, 1), round((u["repeats_share"] or 0) * 100, 1)] for u in units],
    }


def render_html(model: dict[str, Any], *, charts: bool = True) -> str:
    script = echarts_source() if charts else None
    data = json.dumps(chart_data(model), ensure_ascii=False).replace("</", "<\\/")
    return _env().get_template("audit.html").render(m=model, echarts=script, chart_json=data)
