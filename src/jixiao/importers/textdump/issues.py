"""Issue codes of the text-dump reader (declared once, at import time)."""

from __future__ import annotations

from jixiao.core.issues import Severity, declare

declare(
    "text-no-form",
    Severity.ERROR,
    title=("文本中没有自评表", "No form in the text"),
    message=("{file} 中没有找到自评表的栏目（项目名称、项目资金、绩效指标等）", "No form labels (项目名称, 项目资金, 绩效指标 …) found in {file}"),
    remedy=("确认文本是财政项目支出绩效自评表的导出内容。", "Check that the text is an export of a 财政项目支出绩效自评表."),
    tags=("import", "text"),
)
declare(
    "text-field-missing",
    Severity.WARNING,
    title=("文本中缺少字段", "Field missing from the text"),
    message=("没有读到字段 {field}", "Field {field} was not found in the text"),
    remedy=("对照原件补录该字段。", "Fill the field in from the original document."),
    tags=("import", "text"),
)
declare(
    "text-truncated-form",
    Severity.WARNING,
    title=("自评表不完整", "Form cut off"),
    message=("自评表“{project}”不完整（{detail}），已导入读到的部分", "Form “{project}” is incomplete ({detail}); what was there has been imported"),
    remedy=("取得完整的文档后重新导入。", "Get the complete document and import it again."),
    tags=("import", "text"),
)
declare(
    "text-ambiguous-assignment",
    Severity.WARNING,
    title=("文本归属不确定", "Ambiguous assignment"),
    message=("字段 {field} 的归属有多种同样合理的读法（{detail}），请核对", "Field {field} could be read in several equally good ways ({detail}); please check"),
    remedy=("对照原件核对该行的指标名称与分值。", "Compare this row's name and weight with the original."),
    tags=("import", "text", "review"),
)
declare(
    "text-unassigned-token",
    Severity.WARNING,
    title=("有文字未归入任何字段", "Text not assigned to any field"),
    message=("第 {line} 行的文字“{text}”未能归入任何字段", "Text “{text}” on line {line} was not assigned to any field"),
    remedy=("对照原件检查该文字属于哪个栏目，必要时手工补录。", "Check which box this text belongs to and add it by hand if needed."),
    tags=("import", "text"),
)
declare(
    "text-arithmetic-mismatch",
    Severity.INFO,
    title=("读取结果与表内算术不符", "Reading disagrees with the form's arithmetic"),
    message=("{detail}", "{detail}"),
    remedy=("核对原件；若原件如此，按原样保留。", "Check the original; if it is printed so, keep it as printed."),
    tags=("import", "text"),
)
