"""The importer entry points: any document (path or bytes) -> :class:`ImportResult`.

The format comes from the content (:mod:`.detect`); each reader is imported lazily
so that importing a spreadsheet does not pay for PDF libraries. Whatever goes wrong
inside a reader on a damaged file becomes an ``import-corrupt`` issue naming the file,
never a traceback: user data problems are values.
"""

from __future__ import annotations

import os
from pathlib import Path

from jixiao.core.issues import Issue, Location, make_issue
from jixiao.importers.detect import detect
from jixiao.importers.result import ImportResult, low_confidence_issues

_EXPECTED = {
    "pdf": "PDF",
    "xlsx": "Excel (.xlsx)",
    "xls": "Excel 97-2003 (.xls)",
    "docx": "Word (.docx)",
    "text": "文本 / text",
    "json": "JSON",
    "image": "图片 / image (PNG/JPEG/TIFF)",
}


def import_path(path: str | os.PathLike[str], *, ocr: bool | None = None) -> ImportResult:
    """Read every form in the document at ``path``.

    ``ocr``: ``None`` (default) OCRs pages without a text layer when ``jixiao[ocr]`` is
    installed and otherwise reports that it is needed; ``False`` never OCRs; ``True``
    OCRs every page that has no text layer and reports a missing extra as an error.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return ImportResult.failed(
            make_issue("import-corrupt", Location(file=name), file=name, expected="a readable file", detail=reason)
        )
    return import_bytes(data, name, ocr=ocr)


def import_bytes(data: bytes, name: str | None = None, *, ocr: bool | None = None) -> ImportResult:
    """Read every form in ``data``; ``name`` is how issues and sources name the file."""
    label = name or "(input)"
    try:
        found = detect(data)
    except Exception as exc:  # detection only sniffs, but a damaged archive can still raise
        return ImportResult.failed(
            make_issue("import-corrupt", Location(file=label), file=label, expected="?", detail=f"{type(exc).__name__}: {exc}"),
            "corrupt",
        )
    if found.format == "empty":
        return ImportResult.failed(make_issue("import-empty", Location(file=label), file=label), "empty")
    if found.format == "unknown":
        return ImportResult.failed(
            make_issue("import-unknown-format", Location(file=label), file=label, detail=found.detail), "unknown"
        )
    if found.format == "encrypted":
        return ImportResult.failed(
            make_issue("import-encrypted", Location(file=label), file=label, detail=found.detail), "encrypted"
        )
    if found.format == "corrupt":
        return ImportResult.failed(
            make_issue("import-corrupt", Location(file=label), file=label, expected=found.expected, detail=found.detail),
            "corrupt",
        )
    try:
        result = _read(found.format, data, found.text, label, ocr)
    except Exception as exc:  # a damaged file must not surface as a traceback
        detail = f"{type(exc).__name__}: {str(exc)[:200]}"
        if found.format == "pdf" and b"%%EOF" not in data[-1024:]:
            detail = f"文件不完整（缺少结尾，可能下载中断）/ the file is truncated (no end marker); {detail}"
        encrypted = _looks_encrypted(exc) or (found.format == "pdf" and b"/Encrypt" in data)
        code = "import-encrypted" if encrypted else "import-corrupt"
        if encrypted:
            detail = "需要打开密码 / a password is needed to open it"
        return ImportResult.failed(
            make_issue(code, Location(file=label), file=label, expected=_EXPECTED.get(found.format, found.format), detail=detail),
            found.format,
        )
    return _finish(result, label)


def _looks_encrypted(exc: Exception) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return "password" in text or "encrypt" in text


def _read(fmt: str, data: bytes, text: str | None, label: str, ocr: bool | None) -> ImportResult:
    if fmt == "pdf":
        from jixiao.importers.pdf import read_pdf

        return read_pdf(data, label, ocr=ocr)
    if fmt == "xlsx":
        from jixiao.importers.excel import read_xlsx

        return read_xlsx(data, label)
    if fmt == "xls":
        from jixiao.importers.excel import read_xls

        return read_xls(data, label)
    if fmt == "docx":
        from jixiao.importers.word import read_docx

        return read_docx(data, label)
    if fmt == "image":
        from jixiao.importers.ocr import read_image

        return read_image(data, label)
    if fmt == "json":
        from jixiao.formats import interchange

        forms, issues = interchange.loads(text or "", label)
        return ImportResult.of(forms, issues, "json")
    from jixiao.importers.html import looks_like_html, read_html, strip_tags

    if text and looks_like_html(text):
        result = read_html(text, label)
        if result.forms:
            return result
        return _read_text(strip_tags(text), label)
    return _read_text(text or "", label)


def _read_text(text: str, label: str) -> ImportResult:
    try:
        from jixiao.importers.textdump import parse_text
    except ImportError:
        return ImportResult.failed(
            make_issue("import-no-form-found", Location(file=label), file=label, detail="text dumps are not supported in this build"),
            "text",
        )
    result: ImportResult = parse_text(text, label)
    return result


def _finish(result: ImportResult, label: str) -> ImportResult:
    """Add what every format shares: no form found, low-confidence fields flagged."""
    extra: list[Issue] = []
    if not result.forms and not any(i.severity.value == "error" for i in result.issues):
        extra.append(
            make_issue(
                "import-no-form-found",
                Location(file=label),
                file=label,
                detail=f"{_EXPECTED.get(result.format, result.format)}：没有 项目名称/项目资金/绩效指标 表格 / no 项目名称, 项目资金 or 绩效指标 table",
            )
        )
    flagged = {(i.location.form_index, i.location.field) for i in result.issues if i.code == "import-low-confidence"}
    for index, form in enumerate(result.forms):
        for issue in low_confidence_issues(form, index):
            if (index, issue.location.field) not in flagged:
                extra.append(issue)
    return result.with_issues(extra) if extra else result
