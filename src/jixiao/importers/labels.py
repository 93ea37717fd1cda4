"""The header-synonym table: printed labels -> form fields, for every layout.

Provinces and ministries print the same form with different words (Sichuan's 权重 /
完成值 / 未完成原因分析 / 调整后预算数, the central 主管部门及代码 …). Instead of a code
path per province, every reader looks labels up here. Entries are checked in order and
match when the normalised label *equals* one of the exact names or *contains* one of the
fragments, so more specific entries come first. Adding a province = adding words here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_STRIP = re.compile(r"[\s\u3000:：*＊()（）\[\]【】]+")


def norm(label: str) -> str:
    """Label without whitespace, colons, brackets or a leading 其中."""
    text = _STRIP.sub("", label)
    if text.startswith("其中"):
        text = text[2:]
    return text


Entry = tuple[str, Sequence[str], Sequence[str]]
"""(field, exact names, contained fragments)."""

KEY_VALUE: Sequence[Entry] = (
    ("project_name", ("项目名称", "项目全称"), ()),
    ("department", ("主管部门", "主管部门及代码", "主管单位", "主管单位及代码", "主管预算部门"), ()),
    ("implementing_unit", ("实施单位", "项目实施单位", "项目单位", "预算单位", "实施单位名称"), ()),
)

FUND_HEADER: Sequence[Entry] = (
    ("initial_budget", ("年初预算数", "年初预算", "年初数", "年初预算金额"), ("年初预算",)),
    ("annual_budget", ("全年预算数", "调整后预算数", "全年预算", "调整后预算", "预算调整数", "全年预算金额"), ("全年预算", "调整后预算")),
    ("executed", ("全年执行数", "实际执行数", "执行数", "全年实际执行数", "实际支出数", "决算数"), ("执行数", "实际支出")),
    ("weight", ("分值", "权重", "权重分"), ()),
    ("rate_percent", ("执行率", "预算执行率", "资金执行率"), ("执行率",)),
    ("score", ("得分", "自评得分"), ()),
)

FUND_ROW: Sequence[Entry] = (
    ("total", ("年度资金总额", "资金总额", "合计", "总额", "年度资金合计"), ("资金总额",)),
    ("fiscal", ("当年财政拨款", "财政拨款", "本年财政拨款", "财政资金"), ("财政拨款",)),
    ("carryover", ("上年结转资金", "上年结转", "结转资金", "上年结余结转"), ("结转",)),
    ("other", ("其他资金", "其他"), ("其他资金",)),
)

INDICATOR_HEADER: Sequence[Entry] = (
    ("deviation", (), ("偏差原因", "原因分析", "未完成原因", "改进措施", "偏差说明")),
    ("level1", ("一级指标", "级指标"), ("一级指标",)),  # OCR often drops the one-stroke 一
    ("level2", ("二级指标",), ("二级指标",)),
    ("name", ("三级指标", "指标名称", "具体指标", "三级指标名称"), ("三级指标",)),
    ("nature", ("指标性质", "指标方向", "比较符", "符号"), ("指标性质",)),
    ("unit", ("度量单位", "计量单位", "单位", "指标单位"), ("度量单位", "计量单位")),
    ("actual", ("实际完成值", "完成值", "全年实际值", "实际值", "实际完成情况", "完成情况", "全年完成值"), ("完成值", "实际值", "实际完成")),
    ("target", ("年度指标值", "指标值", "目标值", "年度目标值", "预期指标值", "年度目标", "预期目标值"), ("指标值", "目标值")),
    ("weight", ("分值", "权重", "指标分值", "权重分"), ("分值", "权重")),
    ("score", ("得分", "自评得分", "评分"), ("得分",)),
)
"""Fragments let "年度指标值（A）" or "实际完成值（B）" match; the more specific entries come
first ("实际完成值" before "指标值", deviation before "完成")."""

GOALS_HEADER: Sequence[Entry] = (
    ("expected", ("预期目标", "年度目标", "绩效目标", "年度绩效目标"), ()),
    ("actual", ("实际完成情况", "完成情况", "实际完成", "目标完成情况"), ()),
)

LEVEL_NAMES = frozenset(
    {
        "产出指标", "效益指标", "满意度指标", "成本指标",
        "数量指标", "质量指标", "时效指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
        "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
    }
)
"""The standard 一级/二级 indicator names, to rejoin a label split by a page break."""
TOTAL_LABELS = ("总分", "合计得分", "总得分", "综合得分", "自评总分")
GOALS_LABELS = ("年度总体目标", "总体目标", "年度绩效目标")
INDICATOR_BLOCK_LABELS = ("绩效指标", "年度绩效指标", "绩", "效", "指", "标")
TITLE_FRAGMENT = "自评表"


@lru_cache(maxsize=4096)
def lookup(label: str, table: Sequence[Entry]) -> str | None:
    """The field a printed label stands for in ``table``, or ``None`` (tables are tuples,
    so results are cached: the same few labels are looked up on every row)."""
    text = norm(label)
    if not text:
        return None
    for name, exact, _fragments in table:
        if text in exact:
            return name
    for name, _exact, fragments in table:
        if any(f in text for f in fragments):
            return name
    return None


def is_one_of(label: str, names: Sequence[str]) -> bool:
    return norm(label) in names
