"""PDF of the batch report: the HTML without charts (their data is in the tables), via WeasyPrint."""

from __future__ import annotations

from typing import Any

from jixiao.analytics.report.html import render_html


def render_pdf(model: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=render_html(model, charts=False)).write_pdf()
    return pdf
