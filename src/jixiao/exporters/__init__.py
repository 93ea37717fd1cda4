"""Official-layout exports (xlsx, PDF, HTML) of forms, and the audit report.

Entry points for the CLI and the web app::

    export_forms(forms, fmt, lang="zh") -> bytes
    export_report(forms, scores, issues_per_form, fmt, lang="zh") -> bytes

``fmt`` is ``"xlsx"``, ``"pdf"`` or ``"html"``; ``lang`` is ``"zh"`` (default) or ``"en"``
(English labels; form data stays as printed). PDF output raises :class:`ExportError`
(carrying ``export-font-missing`` / ``export-pdf-unavailable`` issues) when the
environment cannot print Chinese; :func:`pdf_issues` asks beforehand.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from jixiao.core.issues import Issue
from jixiao.core.model import Form
from jixiao.exporters.labels import check_lang
from jixiao.exporters.pdf import ExportError, font_issues

if TYPE_CHECKING:
    from jixiao.core.scoring import FormScore

Format = Literal["xlsx", "pdf", "html"]
FORMATS: tuple[str, ...] = ("xlsx", "pdf", "html")
MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}

__all__ = ["FORMATS", "MEDIA_TYPES", "ExportError", "export_forms", "export_report", "pdf_issues"]


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")


def pdf_issues() -> list[Issue]:
    """Why PDF output would fail here (``[]`` when it will work)."""
    return font_issues()


def export_forms(forms: Sequence[Form], fmt: Format | str, lang: str = "zh") -> bytes:
    """The forms in the official layout: one sheet / one section (page run) per form."""
    _check_format(fmt)
    lang = check_lang(lang)
    if fmt == "xlsx":
        from jixiao.exporters.xlsx import forms_to_xlsx

        return forms_to_xlsx(forms, lang)
    if fmt == "html":
        from jixiao.exporters.html import forms_to_html

        return forms_to_html(forms, lang)
    from jixiao.exporters.pdf import forms_to_pdf

    return forms_to_pdf(forms, lang)


def export_report(
    forms: Sequence[Form],
    scores: Sequence[FormScore],
    issues_per_form: Sequence[Sequence[Issue]],
    fmt: Format | str,
    lang: str = "zh",
) -> bytes:
    """The audit report: a summary across forms, then per form the claimed and computed
    scores side by side with explanations, the grade, and every issue with its location."""
    _check_format(fmt)
    lang = check_lang(lang)
    from jixiao.exporters.report import report_to

    return report_to(forms, scores, issues_per_form, fmt, lang)
