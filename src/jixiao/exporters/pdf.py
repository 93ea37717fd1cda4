"""Forms (and reports) to PDF: the HTML of :mod:`jixiao.exporters.html` through WeasyPrint.

Chinese text needs a CJK font; the project uses Debian's ``fonts-noto-cjk`` (Noto Serif
/ Sans CJK SC) and checks for it before printing, because WeasyPrint would otherwise
print empty boxes without complaint. A missing font is reported as an
``export-font-missing`` issue that says how to install it.

Pagination takes two passes (rarely three): the first finds on which page every
indicator row lands; the second starts those pages explicitly and cuts the merged
一级/二级/绩效指标 cells there so each page repeats its labels. Rows never split
(``break-inside: avoid``), the indicator header row repeats, and every page is numbered.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jixiao.core.issues import Issue, Location, Severity, declare, make_issue
from jixiao.core.model import Form
from jixiao.exporters.html import forms_html

FONT_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC")
FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)
MAX_PASSES = 4

declare(
    "export-font-missing",
    Severity.ERROR,
    title=("缺少中文字体", "Chinese font missing"),
    message=(
        "未找到 Noto CJK 中文字体（{families}），PDF 中的汉字将无法显示",
        "No Noto CJK font ({families}) is installed; Chinese text in the PDF would not show",
    ),
    remedy=(
        "安装字体后重试：sudo apt-get install fonts-noto-cjk",
        "Install the fonts and try again: sudo apt-get install fonts-noto-cjk",
    ),
    tags=("export", "environment"),
)
declare(
    "export-pdf-unavailable",
    Severity.ERROR,
    title=("无法生成 PDF", "PDF output unavailable"),
    message=("无法加载 WeasyPrint：{detail}", "WeasyPrint cannot be loaded: {detail}"),
    remedy=(
        "安装 WeasyPrint 及其系统库（Debian：apt-get install libpango-1.0-0 libpangoft2-1.0-0）。",
        "Install WeasyPrint and its system libraries (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0).",
    ),
    tags=("export", "environment"),
)


class ExportError(Exception):
    """Output cannot be produced in this environment; ``issues`` say why and what to do."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = list(issues)
        super().__init__("; ".join(i.message() + " — " + i.remedy() for i in self.issues))


@functools.cache
def installed_cjk_families() -> frozenset[str]:
    """CJK font families fontconfig knows (empty when fontconfig is not there)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return frozenset()
    try:
        out = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(","))


def font_issues(families: frozenset[str] | None = None, files: Sequence[str] = FONT_FILES) -> list[Issue]:
    """``[]`` when a Noto CJK font is installed, else one ``export-font-missing`` issue."""
    found = installed_cjk_families() if families is None else families
    if any(f in found for f in FONT_FAMILIES) or (families is None and any(Path(p).exists() for p in files)):
        return []
    return [make_issue("export-font-missing", Location(), families=", ".join(FONT_FAMILIES))]


def _weasyprint() -> Any:
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise ExportError([make_issue("export-pdf-unavailable", detail=str(exc))]) from exc
    return weasyprint


def require_pdf() -> Any:
    """The weasyprint module, after checking the font; raises :class:`ExportError`."""
    issues = font_issues()
    if issues:
        raise ExportError(issues)
    return _weasyprint()


def row_pages(document: Any) -> list[tuple[str, int]]:
    """``("form-row", page)`` for every ``<tr data-row>``, in document order, first page only."""
    seen: dict[str, int] = {}

    def walk(box: Any, number: int) -> None:
        if getattr(box, "element_tag", None) == "tr" and box.element is not None:
            key = box.element.get("data-row")
            if key and key not in seen:
                seen[key] = number
        for child in getattr(box, "children", ()):
            walk(child, number)

    for number, page in enumerate(document.pages, start=1):
        box = getattr(page, "_page_box", None)  # WeasyPrint's layout tree (not public API)
        if box is None:
            return []  # then one pass: labels of merged cells are not repeated per page
        walk(box, number)
    return list(seen.items())


def page_starts(rows: list[tuple[str, int]], n_forms: int) -> list[set[str]]:
    """Per form, the keys of the rows that begin a new page."""
    starts: list[set[str]] = [set() for _ in range(n_forms)]
    previous: dict[int, int] = {}
    for key, page in rows:
        form, _, row = key.partition("-")
        fi = int(form)
        if fi in previous and page != previous[fi]:
            starts[fi].add(row)
        previous[fi] = page
    return starts


def paginated_document(forms: Sequence[Form], lang: str = "zh") -> Any:
    """The rendered WeasyPrint document, with merged cells restarted on every page."""
    weasyprint = require_pdf()
    starts: list[set[str]] = [set() for _ in forms]
    document = None
    for _ in range(MAX_PASSES):
        document = weasyprint.HTML(string=forms_html(forms, lang, starts)).render()
        found = page_starts(row_pages(document), len(forms))
        merged = [a | b for a, b in zip(starts, found, strict=True)]
        if merged == starts:
            break
        starts = merged
    return document


def forms_to_pdf(forms: Sequence[Form], lang: str = "zh") -> bytes:
    document = paginated_document(forms, lang)
    data: bytes = document.write_pdf()
    return data


def html_to_pdf(html: str) -> bytes:
    """Print any of the project's HTML pages (the audit report) to PDF."""
    weasyprint = require_pdf()
    data: bytes = weasyprint.HTML(string=html).write_pdf()
    return data
