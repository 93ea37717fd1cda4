"""Native PDF forms (pdfplumber): ruled grid per page -> rows -> forms.

Pages are read in order and their rows fed to one mapper, so a form that continues
on the next page keeps its header's column positions. Text printed outside the ruled
table is used only when it is a title, year, unit line or page number; any other word
in no cell is reported as ``import-word-outside-cell`` with its page and position
rather than silently dropped. Pages without a text layer are scans: they go to OCR
(``jixiao[ocr]``) or are reported. A PDF without any ruled table is read as text.
"""

from __future__ import annotations

import io
import logging
import re
from decimal import Decimal
from typing import Any

from jixiao.core.issues import Issue, Location, make_issue
from jixiao.importers import labels as L
from jixiao.importers.grid import Cell, Row
from jixiao.importers.mapper import FormMapper
from jixiao.importers.pdfgrid import build_grid, text_lines
from jixiao.importers.result import ImportResult, low_confidence_issues

# pdfminer logs every oddity of a damaged file as a warning; the importer reports what
# matters as issues, so only its errors are let through to the console
logging.getLogger("pdfminer").setLevel(logging.ERROR)

MAX_PAGES = 2000
_PAGE_NUMBER = re.compile(r"^(第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|-?\s*\d+\s*-?|\d+\s*/\s*\d+|page\s*\d+.*)$", re.I)
_YEAR_LINE = re.compile(r"^[(（]?\s*(?:19|20)\d{2}\s*年度?\s*[)）]?$")


def _free_line(text: str) -> str | None:
    """How a line outside the table is used: "row", "skip" (page number) or None (reject)."""
    t = text.strip()
    n = L.norm(t)
    if not n:
        return "skip"
    if _PAGE_NUMBER.match(t):
        return "skip"
    if n in L.INDICATOR_BLOCK_LABELS or (n.endswith("指标") and len(n) <= 12):
        # the label of a merged cell split by a page break, printed past the table's edge
        return "skip"
    if L.TITLE_FRAGMENT in n or _YEAR_LINE.match(t) or ("单位" in n and "元" in n and len(n) <= 12):
        return "row"
    head = re.split(r"[:：]", t, maxsplit=1)[0]
    if L.lookup(head, L.KEY_VALUE) and len(n) <= 80:
        return "row"
    return None


def _outside_rows(chars: list[dict[str, Any]], page_number: int, width: float, name: str | None, grid_span: tuple[float, float] | None, issues: list[Issue]) -> list[Row]:
    """Group characters in no cell into lines; keep titles, report the rest."""
    rows: list[Row] = []
    if not chars:
        return rows
    chars = sorted(chars, key=lambda c: c["top"])
    groups: list[list[dict[str, Any]]] = []
    for ch in chars:
        size = ch.get("size") or 10
        if groups and ch["top"] - groups[-1][-1]["top"] <= size * 0.5:
            groups[-1].append(ch)
        else:
            groups.append([ch])
    for group in groups:
        lines, _words = text_lines(group)
        text = "".join(lines)
        use = _free_line(text)
        y = min(c["top"] for c in group)
        if use == "row":
            rows.append(Row([Cell([text], 0.0, width)], page=page_number, index=-1, y=y))
        elif use is None:
            x = min(c["x0"] for c in group)
            issues.append(
                make_issue(
                    "import-word-outside-cell",
                    Location(file=name, page=page_number),
                    page=page_number,
                    x=f"{x:.0f}",
                    y=f"{y:.0f}",
                    text=text.strip()[:80],
                )
            )
    return rows


def read_pdf(data: bytes, name: str | None, *, ocr: bool | None = None) -> ImportResult:
    import pdfplumber

    whole = b"%%EOF" in data[-1024:]
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception:
        if whole:
            raise
        return _read_truncated(data, name, ocr)
    if whole:
        return _read_pages(pdf, pages, name, ocr)
    # no end marker, yet pdfminer opened it (a linearised file's first-page table):
    # what it reads is trusted only when it finds forms
    try:
        result: ImportResult | None = _read_pages(pdf, pages, name, ocr)
    except Exception:
        result = None
    if result is not None and result.forms:
        return result
    try:
        return _read_truncated(data, name, ocr)
    except ValueError:
        if result is None:
            raise
        return result


def _read_truncated(data: bytes, name: str | None, ocr: bool | None) -> ImportResult:
    issues: list[Issue] = []
    pdf, pages, cut_after = _truncated(data, name, issues)
    return _read_pages(pdf, pages, name, ocr, issues, cut_after)


def _read_pages(pdf: Any, pages: list[Any], name: str | None, ocr: bool | None, issues: list[Issue] | None = None, cut_after: int | None = None) -> ImportResult:
    issues = issues if issues is not None else []
    mapper = FormMapper(name)
    scanned: list[int] = []
    gridless: list[int] = []
    with pdf:
        if len(pages) > MAX_PAGES:
            issues.append(make_issue("import-too-large", Location(file=name), file=name, pages=len(pages), limit=MAX_PAGES))
        ocr_pages: list[tuple[int, Any]] = []
        for page in pages[:MAX_PAGES]:
            number = page.page_number  # a file cut short keeps its whole pages only
            chars = page.chars
            if not chars:
                if page.images:
                    scanned.append(number)
                    ocr_pages.append((number, page))
                else:
                    # blank pages (separators) carry nothing
                    page.close()
                continue
            grid = build_grid(page, number)
            if grid is None:
                gridless.append(number)
                page.close()
                continue
            rows = list(grid.rows)
            rows += _outside_rows(grid.outside, number, float(page.width), name, (grid.top, grid.bottom), issues)
            rows.sort(key=lambda r: r.y)
            mapper.feed(rows)
            page.close()
        if ocr_pages:
            issues += _ocr(ocr_pages, mapper, name, ocr)
        if gridless and not mapper.forms and not mapper.draft.has_content:
            by_number = {p.page_number: p for p in pages}
            text = "\n\n".join(by_number[n].extract_text() or "" for n in gridless)
            return _as_text(text, name, issues)
    forms, map_issues = mapper.finish()
    if cut_after is not None and forms:
        issues += _cut_form(forms, len(forms) - 1, cut_after, name)
    if scanned:
        # every field read by OCR is flagged for review, whatever its confidence
        ocr_set = set(scanned)
        for index, form in enumerate(forms):
            for issue in low_confidence_issues(form, index, threshold=Decimal(2)):
                if issue.location.page in ocr_set:
                    issues.append(issue)
    fmt = "pdf-ocr" if scanned and len(scanned) == len(pages) else "pdf"
    return ImportResult.of(forms, [*issues, *map_issues], fmt)


def _truncated(data: bytes, name: str | None, issues: list[Issue]) -> tuple[Any, list[Any], int | None]:
    """The whole pages of a PDF cut short, with an issue naming what was read and lost,
    and the last page read when pages were lost after it; raises when no page can be
    read (the file is then reported as damaged)."""
    from jixiao.importers.pdfrepair import open_truncated, usable

    rec = open_truncated(data)
    if rec is None or not any(usable(p) for p in rec.pages):
        if rec is not None:
            rec.pdf.close()
        raise ValueError(
            "没有一页可以读出：字体和页面目录写在文件末尾，已随截断丢失 / "
            "no page can be read: the fonts and the page list, written at the end of the file, were cut off"
        )
    kept = [p for p in rec.pages if usable(p)]
    lost = [p.page_number for p in rec.pages if not usable(p)]
    total = max(rec.expected or 0, len(rec.pages))
    lost_text = ", ".join(str(n) for n in lost)
    if rec.expected is None:
        lost_text = (lost_text + ", " if lost_text else "") + f"第 {len(rec.pages) + 1} 页起 / from page {len(rec.pages) + 1} on"
    elif total > len(rec.pages):
        lost_text = (lost_text + ", " if lost_text else "") + f"{len(rec.pages) + 1}-{total}"
    issues.append(
        make_issue(
            "import-truncated",
            Location(file=name, page=kept[-1].page_number),
            file=name,
            pages=", ".join(str(p.page_number) for p in kept),
            lost=lost_text or "-",
        )
    )
    cut = kept[-1].page_number if lost or rec.expected is None or total > len(rec.pages) else None
    return rec.pdf, kept, cut


def _cut_form(forms: list[Any], index: int, page: int, name: str | None) -> list[Issue]:
    """The form read last may go on over the lost pages: say so when its own arithmetic
    (Σ 分值 + 执行率分值 = 100, a 总分 printed at the table's end) shows it unfinished."""
    form = forms[index]
    weights = [i.weight for i in form.indicators if i.weight is not None]
    total = sum(weights, Decimal(0)) + (form.execution.weight or Decimal(0))
    if form.total_score is not None and total == 100:
        return []
    return [
        make_issue(
            "import-truncated-form",
            Location(file=name, page=page, field="indicators", form_index=index),
            form=form.project_name,
            project=form.project_name or "?",
            page=page,
            count=len(form.indicators),
            weights=f"{total}",
        )
    ]


def _ocr(pages: list[tuple[int, Any]], mapper: FormMapper, name: str | None, ocr: bool | None) -> list[Issue]:
    numbers = ", ".join(str(n) for n, _p in pages)
    if ocr is False:
        return [make_issue("import-ocr-missing", Location(file=name, page=pages[0][0]), file=name, pages=numbers)]
    from jixiao.importers import ocr as ocr_mod

    engine = ocr_mod.engine()
    if engine is None:
        return [make_issue("import-ocr-missing", Location(file=name, page=pages[0][0]), file=name, pages=numbers)]
    issues: list[Issue] = []
    for number, page in pages:
        rows = ocr_mod.ocr_page(page, number, engine)
        issues.append(make_issue("import-ocr-used", Location(file=name, page=number), file=name, page=number))
        mapper.feed(rows)
    return issues


def _as_text(text: str, name: str | None, issues: list[Issue]) -> ImportResult:
    """A PDF with text but no ruled table: read its text like a text dump."""
    from jixiao.importers.api import _read_text

    result = _read_text(text, name or "(input)")
    return ImportResult(result.forms, [*issues, *result.issues], result.confidences, "pdf-text")


