"""What a 效益指标 row is about, from its own words: a weak hint for its 二级指标.

The 二级 cells of 效益指标 (经济效益 / 社会效益 / 生态效益 / 可持续影响) span their rows, and
a dump that drops positions prints their labels apart from the rows. When two adjacent
groups hold rows of the same value kind (free text), the form's arithmetic cannot tell
where one group ends, and only the rows' wording can: a 可持续影响 indicator speaks of
长效机制, 制度 and how long the project keeps working; a 生态效益 one of 环境, 排放, 节能; an
经济效益 one of 收入, 产值; a 社会效益 one of 群众, 公众, 社会. The words below are the
vocabulary of the indicator frameworks (财政部 共性绩效指标框架 and the provinces' indicator
libraries), not of any one form. The hint only breaks ties: it weighs less than a value
kind, a label's position or the 一级指标 weight split, and a row whose words name more
than one topic (``社会满意度持续提高``) gives none.
"""

from __future__ import annotations

import re

_TOPICS: dict[str, re.Pattern[str]] = {
    "可持续影响指标": re.compile(r"可持续|长效|长期|持久|持续(?:发挥|运行|运转|使用|有效|稳定)|机制|制度|后续|常态化"),
    "生态效益指标": re.compile(r"生态|环境|环保|排放|污染|节能|减排|绿化|能耗|水质|空气"),
    "经济效益指标": re.compile(r"经济|收入|增收|产值|税收|利润|节约资金|带动投资|效益额"),
    "社会效益指标": re.compile(r"社会|群众|公众|市民|居民|民生|获得感|幸福感|安全感|知晓|就业|公共服务|服务水平|服务质量"),
}
"""Topic words per 二级指标, searched in the indicator's name."""

_LOOSE_IN_TARGETS = re.compile(r"机制|制度")
"""Words that name a topic in a name but not in a target (``良性工作机制`` is a common aim)."""


def topic(name: str | None, target: str | None = None) -> str | None:
    """The 效益 二级指标 a row's words point to, or None when they name none or several.

    The name decides when it names exactly one topic; the target is read only when the
    name names none (targets are phrased loosely: ``良性工作机制`` can be a 社会效益 aim).
    """
    for text in (name, _LOOSE_IN_TARGETS.sub("", target or "")):
        if not text:
            continue
        hits = {lab for lab, rx in _TOPICS.items() if rx.search(text)}
        if hits:
            return hits.pop() if len(hits) == 1 else None
    return None
