"""Helpers shared by the page views: language, error pages, form context."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from jixiao.web import engine, errors
from jixiao.web.editor import fund_rows
from jixiao.web.records.models import FormRecord


def lang(request: HttpRequest) -> str:
    return "en" if (get_language() or "").startswith("en") else "zh"


def error_page(request: HttpRequest, error: errors.ServiceError) -> HttpResponse:
    return render(request, "jixiao/error.html", {"error": error}, status=errors.status_of(error))


def form_context(request: HttpRequest, data: dict[str, Any], acks: dict[str, str] | None = None) -> dict[str, Any]:
    """What the official table needs: the data, computed results and readings per row."""
    analysis = engine.analyse(data, lang(request), acks)
    score = analysis["score"] or {}
    computed = {row["index"]: row for row in score.get("indicators", [])} if score else {}
    indicators = []
    for i, ind in enumerate(data.get("indicators") or []):
        indicators.append({
            "i": i, "data": ind,
            "reading": analysis["targets"][i] if i < len(analysis["targets"]) else "",
            "computed": computed.get(i),
        })
    return {"data": data, "funds": fund_rows(data), "indicators": indicators, "analysis": analysis,
            "score": score}


LOW_CONFIDENCE = 0.9
"""Fields read with less certainty than this are highlighted for review."""


def record_context(record: FormRecord) -> dict[str, Any]:
    low = sorted(k for k, v in (record.confidence or {}).items() if v is not None and float(v) < LOW_CONFIDENCE)
    return {"record": record, "low_confidence": set(low), "low_confidence_list": low}
