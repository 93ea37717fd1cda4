"""What every importer returns, and the issue codes all importers share.

Each reader (spreadsheet, PDF grid, Word table, OCR, text dump) produces the same
:class:`ImportResult`: the forms it found, the issues it met, per form a map of field
path -> confidence, and the detected format. The per-field :class:`Source` (file,
page/sheet/cell, confidence) goes into each form's ``provenance``; ``confidences`` is
the same certainty as a plain mapping, so reports and benchmarks do not have to walk
provenance. Readers collect sources with a :class:`FieldSources` and attach them once
with :func:`attach_sources` (one mapping built once, not one copy per field).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.frozen import FrozenMap
from jixiao.core.issues import Issue, Location, Severity, declare, make_issue
from jixiao.core.model import Form, Provenance, Source

EXACT = Decimal(1)
"""Confidence of a value read from a typed cell or an unambiguous grid cell."""

LOW_CONFIDENCE = Decimal("0.9")
"""Below this a field is flagged ``import-low-confidence`` for review."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """Forms read from one document (or several, after :meth:`merge`)."""

    forms: list[Form] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    confidences: list[Mapping[str, Decimal]] = field(default_factory=list)
    """One mapping per form (same order as ``forms``): field path -> confidence in [0, 1]."""
    format: str = "unknown"
    """Detected input format: "xlsx", "xls", "docx", "pdf", "pdf-ocr", "text", "json"…"""

    @property
    def ok(self) -> bool:
        """True when at least one form was read."""
        return bool(self.forms)

    @classmethod
    def of(cls, forms: Iterable[Form], issues: Iterable[Issue] = (), format: str = "unknown") -> ImportResult:
        """Build a result whose confidences are taken from each form's provenance."""
        forms = list(forms)
        return cls(forms, list(issues), [confidences_of(f) for f in forms], format)

    @classmethod
    def failed(cls, issue: Issue, format: str = "unknown") -> ImportResult:
        return cls([], [issue], [], format)

    def with_issues(self, extra: Iterable[Issue]) -> ImportResult:
        return ImportResult(self.forms, [*self.issues, *extra], self.confidences, self.format)

    @staticmethod
    def merge(results: Iterable[ImportResult]) -> ImportResult:
        """Concatenate results of several files; the format is "mixed" when they differ."""
        forms: list[Form] = []
        issues: list[Issue] = []
        confs: list[Mapping[str, Decimal]] = []
        formats: list[str] = []
        for r in results:
            forms.extend(r.forms)
            issues.extend(r.issues)
            confs.extend(r.confidences)
            formats.append(r.format)
        fmt = formats[0] if len(set(formats)) == 1 else ("mixed" if formats else "unknown")
        return ImportResult(forms, issues, confs, fmt)


class FieldSources:
    """Collects the :class:`Source` of each field while a form is being read."""

    __slots__ = ("fields", "file")

    def __init__(self, file: str | None = None) -> None:
        self.file = file
        self.fields: dict[str, Source] = {}

    def add(
        self,
        path: str,
        *,
        page: int | None = None,
        line: int | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        confidence: Decimal | None = EXACT,
    ) -> None:
        self.fields[path] = Source(
            file=self.file, page=page, line=line, sheet=sheet, cell=cell, confidence=confidence
        )

    def set(self, path: str, source: Source) -> None:
        self.fields[path] = source


def attach_sources(form: Form, sources: FieldSources | Mapping[str, Source], form_source: Source | None = None) -> Form:
    """Return ``form`` with its provenance set to the collected field sources."""
    fields = sources.fields if isinstance(sources, FieldSources) else dict(sources)
    return form.evolve(provenance=Provenance(form_source, FrozenMap(fields)))


def confidences_of(form: Form) -> dict[str, Decimal]:
    """Field path -> confidence from a form's provenance (exact reads count as 1)."""
    return {
        path: (src.confidence if src.confidence is not None else EXACT)
        for path, src in form.provenance.fields.items()
    }


def low_confidence_issues(form: Form, form_index: int | None = None, threshold: Decimal = LOW_CONFIDENCE) -> list[Issue]:
    """One ``import-low-confidence`` issue per field read with confidence below ``threshold``."""
    out: list[Issue] = []
    for path, src in form.provenance.fields.items():
        if src.confidence is not None and src.confidence < threshold:
            out.append(
                make_issue(
                    "import-low-confidence",
                    Location.of(src, path, form_index),
                    form=form.project_name,
                    field=path,
                    confidence=f"{src.confidence:.2f}",
                )
            )
    return out


# -- issue codes shared by all importers ---------------------------------------------------

declare(
    "import-empty",
    Severity.ERROR,
    title=("文件为空", "Empty file"),
    message=("文件 {file} 为空（0 字节或只有空白），没有可导入的内容", "File {file} is empty (no bytes or only blanks); nothing to import"),
    remedy=("确认选择了正确的文件，且文件已完整下载或保存。", "Check that the right file was chosen and that it was fully downloaded or saved."),
    tags=("import", "input"),
)
declare(
    "import-unknown-format",
    Severity.ERROR,
    title=("无法识别的文件格式", "Unknown file format"),
    message=(
        "无法识别文件 {file} 的格式（{detail}）；应为 PDF、Excel（.xlsx/.xls）、Word（.docx）、文本或 JSON",
        "Cannot tell the format of {file} ({detail}); expected PDF, Excel (.xlsx/.xls), Word (.docx), text or JSON",
    ),
    remedy=("把文件另存为 PDF、.xlsx、.docx 或 UTF-8 文本后重试。", "Save the document as PDF, .xlsx, .docx or UTF-8 text and try again."),
    tags=("import", "input"),
)
declare(
    "import-encrypted",
    Severity.ERROR,
    title=("文件已加密", "File is encrypted"),
    message=("文件 {file} 已加密或设有密码（{detail}），无法读取", "File {file} is encrypted or password protected ({detail}); it cannot be read"),
    remedy=("取得未加密的版本，或用密码打开后另存为未加密文件。", "Get an unencrypted copy, or open it with the password and save it without protection."),
    tags=("import", "input"),
)
declare(
    "import-corrupt",
    Severity.ERROR,
    title=("文件已损坏或不完整", "File is damaged or incomplete"),
    message=("文件 {file} 看起来是 {expected}，但无法读取：{detail}", "File {file} looks like {expected} but cannot be read: {detail}"),
    remedy=("重新下载或从原始文档重新导出该文件。", "Download the file again or export it again from the original document."),
    tags=("import", "input"),
)
declare(
    "import-truncated",
    Severity.WARNING,
    title=("文件不完整，只读取了完整的页面", "File cut short; only its whole pages were read"),
    message=(
        "文件 {file} 不完整（结尾被截断）：读取了第 {pages} 页，未能读取 {lost}；表中缺少的字段已逐一标出",
        "File {file} is cut short (its end is missing): page(s) {pages} were read, {lost} could not be; the fields missing from the forms are flagged one by one",
    ),
    remedy=("重新下载完整的文件后再导入，或对照原件补录缺少的字段。", "Download the whole file again and re-import it, or add the missing fields from the original."),
    tags=("import", "input", "pdf"),
)
declare(
    "import-truncated-form",
    Severity.WARNING,
    title=("自评表在文件截断处中断", "Form cut off where the file ends"),
    message=(
        "“{project}”在第 {page} 页后中断：读到 {count} 项指标，分值合计（含执行率）{weights}，不足 100；其余指标和总分缺失",
        "“{project}” stops after page {page}: {count} indicators read, weights (execution included) add up to {weights}, not 100; the other indicators and the total are missing",
    ),
    remedy=("取得完整文件重新导入，或对照原件补录缺少的指标和总分。", "Import the whole file again, or add the missing indicators and the total from the original."),
    tags=("import", "input", "pdf"),
)
declare(
    "import-no-form-found",
    Severity.ERROR,
    title=("未找到自评表", "No form found"),
    message=(
        "在 {file} 中没有找到财政项目支出绩效自评表（{detail}）",
        "No project performance self-evaluation form found in {file} ({detail})",
    ),
    remedy=(
        "确认文件包含“项目名称”“项目资金”“绩效指标”等栏目；扫描件需安装 jixiao[ocr]。",
        "Check that the document holds the 项目名称 / 项目资金 / 绩效指标 blocks; scans need jixiao[ocr].",
    ),
    tags=("import",),
)
declare(
    "import-field-missing",
    Severity.WARNING,
    title=("字段缺失", "Field missing"),
    message=("没有读到字段 {field}（{label}）", "Field {field} ({label}) was not found"),
    remedy=("核对原文档该栏目；若原件确无此项可忽略。", "Check this box in the original document; ignore if the original has none."),
    tags=("import",),
)
declare(
    "import-word-outside-cell",
    Severity.WARNING,
    title=("文字不在任何表格单元格内", "Text outside every table cell"),
    message=(
        "第 {page} 页位置 ({x}, {y}) 的文字“{text}”不在任何表格单元格内，未导入",
        "Text “{text}” on page {page} at ({x}, {y}) lies in no table cell and was not imported",
    ),
    remedy=("核对原文档该处内容是否属于表格，必要时手工补录。", "Check whether this text belongs to the table and add it by hand if so."),
    tags=("import", "pdf"),
)
declare(
    "import-formula-no-value",
    Severity.WARNING,
    title=("公式没有计算结果", "Formula without a cached value"),
    message=(
        "单元格 {cell} 是公式 {formula}，但文件中没有保存计算结果，按空值导入",
        "Cell {cell} holds the formula {formula} but the file keeps no computed value; read as empty",
    ),
    remedy=("用 Excel/WPS/LibreOffice 打开并保存一次，使公式结果写入文件。", "Open and save the file once in Excel/WPS/LibreOffice so the results are stored."),
    tags=("import", "excel"),
)
declare(
    "import-low-confidence",
    Severity.WARNING,
    title=("识别把握不足，需人工复核", "Read with low confidence; review"),
    message=("字段 {field} 识别把握为 {confidence}，请人工复核", "Field {field} was read with confidence {confidence}; please review"),
    remedy=("对照原件核对该字段。", "Compare this field with the original."),
    tags=("import", "review"),
)
declare(
    "import-bad-number",
    Severity.WARNING,
    title=("数字无法识别", "Unreadable number"),
    message=("字段 {field} 的内容“{value}”不是数字，按空值导入", "Field {field} holds “{value}”, not a number; read as empty"),
    remedy=("对照原件核对该数字。", "Compare this number with the original."),
    tags=("import",),
)
declare(
    "import-ocr-missing",
    Severity.ERROR,
    title=("需要 OCR 组件", "OCR extra needed"),
    message=(
        "文件 {file} 第 {pages} 页没有文字层（扫描件），需要 OCR：请安装 jixiao[ocr]",
        "File {file} has no text layer on page(s) {pages} (a scan); OCR is needed: install jixiao[ocr]",
    ),
    remedy=("运行 pip install 'jixiao[ocr]' 后重新导入。", "Run pip install 'jixiao[ocr]' and import again."),
    tags=("import", "ocr"),
)
declare(
    "import-ocr-used",
    Severity.INFO,
    title=("已使用 OCR 识别", "Read by OCR"),
    message=("文件 {file} 第 {page} 页由 OCR 识别，所有字段需人工复核", "Page {page} of {file} was read by OCR; review every field"),
    remedy=("对照原件核对识别结果。", "Compare the recognised values with the original."),
    tags=("import", "ocr", "review"),
)
declare(
    "import-too-large",
    Severity.WARNING,
    title=("文件过大，部分内容未读取", "File too large; partly read"),
    message=("文件 {file} 有 {pages} 页/行，仅读取了前 {limit}", "File {file} has {pages} pages/rows; only the first {limit} were read"),
    remedy=("把文档拆分为较小的文件后分别导入。", "Split the document into smaller files and import them separately."),
    tags=("import", "input"),
)
