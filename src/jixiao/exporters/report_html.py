"""The audit report as a self-contained HTML page (printed to PDF as is)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.exporters.html import environment, page_counter_css, stylesheet
from jixiao.exporters.labels import label
from jixiao.exporters.report import Report


def num(value: Decimal | None) -> str:
    """A Decimal as printed; empty for ``None``."""
    return "" if value is None else format(value, "f")


def signed(value: Decimal | None) -> str:
    if value is None:
        return ""
    if value == 0:
        return "0"
    return ("+" if value > 0 else "") + format(value, "f")


def report_html(report: Report) -> str:
    env = environment()
    template = env.get_template("report.html")
    return template.render(
        lang="zh-CN" if report.lang == "zh" else "en",
        report=report,
        L=report.labels,
        css=stylesheet(),
        page_content=page_counter_css(report.lang),
        num=num,
        signed=signed,
        form_title=lambda f: f.form.label,
        year_label=lambda f: label("year", report.lang, year=f.form.year) if f.form.year else "",
    )
