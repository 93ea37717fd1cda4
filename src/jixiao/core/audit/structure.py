"""Structure of the form: the 一级/二级 framework, empty cells, missing printed values.

These checks need no rules at all; they catch what makes a form unreadable or
unscorable before any arithmetic is attempted.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from jixiao.core.issues import Issue, Severity, declare
from jixiao.core.model import Form, indicator_path

from .context import DASHES, AuditContext, blank
from .registry import audit_check

E, W = Severity.ERROR, Severity.WARNING

declare(
    "structure-no-indicators",
    E,
    title=("没有绩效指标", "No indicators"),
    message=("自评表没有任何绩效指标", "The form has no performance indicators"),
    remedy=(
        "按一级、二级、三级指标填写绩效指标表。",
        "Fill in the indicator table (一级/二级/三级指标).",
    ),
    tags=("audit", "structure"),
)
declare(
    "structure-empty-name",
    E,
    title=("三级指标名称为空", "Indicator without a name"),
    message=("第 {n} 项指标没有三级指标名称", "Indicator {n} has no name (三级指标)"),
    remedy=("填写三级指标名称。", "Give the indicator a name."),
    tags=("audit", "structure"),
)
declare(
    "structure-empty-level",
    W,
    title=("一级或二级指标为空", "Level 1 or level 2 label missing"),
    message=("第 {n} 项指标“{name}”的{label}为空", "Indicator {n} “{name}” has no {label_en}"),
    remedy=(
        "填写该指标所属的一级、二级指标。",
        "Give the indicator its level 1 and level 2 labels.",
    ),
    tags=("audit", "structure"),
)
declare(
    "structure-unknown-level",
    W,
    title=("一级、二级指标不在指标体系内", "Level 1 / level 2 outside the framework"),
    message=(
        "第 {n} 项指标“{name}”的“{level1} / {level2}”不是指标体系中的组合",
        "Indicator {n} “{name}”: “{level1} / {level2}” is not a pair of the framework",
    ),
    remedy=(
        "按指标体系归类：产出指标（数量、质量、时效、成本），效益指标（经济、社会、生态效益，可持续影响），满意度指标（服务对象满意度）。",
        "Classify by the framework: 产出 (数量/质量/时效/成本), 效益 (经济/社会/生态效益, 可持续影响), 满意度 (服务对象满意度).",
    ),
    tags=("audit", "structure"),
)
declare(
    "structure-missing-level1",
    W,
    title=("缺少一级指标", "Level 1 group missing"),
    message=("自评表没有“{level1}”类指标", "The form has no “{level1}” indicators"),
    remedy=(
        "补充该类指标，或说明不设置的理由。",
        "Add indicators of this group or explain why there are none.",
    ),
    tags=("audit", "structure"),
)
declare(
    "structure-duplicate-name",
    W,
    title=("三级指标重复", "Duplicate indicator"),
    message=(
        "第 {n} 项指标“{name}”与第 {first} 项重复",
        "Indicator {n} “{name}” repeats indicator {first}",
    ),
    remedy=("合并重复指标，或用名称区分它们。", "Merge the duplicates or tell them apart by name."),
    tags=("audit", "structure"),
)
declare(
    "structure-empty-target",
    E,
    title=("年度指标值为空", "Target missing"),
    message=(
        "第 {n} 项指标“{name}”没有年度指标值",
        "Indicator {n} “{name}” has no target (年度指标值)",
    ),
    remedy=("填写年度指标值，尽量量化。", "Give the target, as a number where possible."),
    tags=("audit", "structure"),
)
declare(
    "structure-empty-actual",
    E,
    title=("实际完成值为空", "Actual value missing"),
    message=(
        "第 {n} 项指标“{name}”没有实际完成值",
        "Indicator {n} “{name}” has no actual value (实际完成值)",
    ),
    remedy=(
        "填写实际完成值；未开展的填 0 并说明原因。",
        "Give the actual value; write 0 and a reason if nothing was done.",
    ),
    tags=("audit", "structure"),
)
declare(
    "structure-missing-weight",
    E,
    title=("指标分值为空", "Weight missing"),
    message=("第 {n} 项指标“{name}”没有分值", "Indicator {n} “{name}” has no weight (分值)"),
    remedy=(
        "填写分值；各指标分值与预算执行率分值合计 100 分。",
        "Give the weight; all weights plus the execution weight make 100.",
    ),
    tags=("audit", "structure"),
)
declare(
    "structure-missing-score",
    E,
    title=("指标得分为空", "Score missing"),
    message=("第 {n} 项指标“{name}”没有得分", "Indicator {n} “{name}” has no score (得分)"),
    remedy=("按评分规则填写得分。", "Give the score according to the scoring rules."),
    tags=("audit", "structure"),
)
declare(
    "structure-missing-execution",
    W,
    title=("预算执行率栏为空", "Budget execution cell empty"),
    message=("预算执行率的{label}为空", "The budget execution {label_en} is empty"),
    remedy=(
        "填写预算执行率的分值、执行率和得分。",
        "Fill in the execution weight, rate and score.",
    ),
    tags=("audit", "structure"),
)
declare(
    "structure-missing-total",
    W,
    title=("总分为空", "Total missing"),
    message=("自评表没有填写总分", "The form gives no total score"),
    remedy=(
        "填写总分（预算执行率得分与各指标得分之和）。",
        "Give the total (execution score plus all indicator scores).",
    ),
    tags=("audit", "structure"),
)


@lru_cache(maxsize=1024)
def level_key(text: str | None) -> str:
    """``"数 量"`` / ``"数量"`` / ``"数量指标"`` all compare as ``"数量指标"``."""
    key = "".join((text or "").split())
    return key if key.endswith("指标") else key + "指标"


_LEVELS_CACHE: dict[int, tuple[Any, dict[str, frozenset[str]]]] = {}


def _known_levels(levels: Any) -> dict[str, frozenset[str]]:
    """The configured pairs with normalised names (cached per mapping object)."""
    hit = _LEVELS_CACHE.get(id(levels))
    if hit is None or hit[0] is not levels:
        hit = (
            levels,
            {level_key(k): frozenset(level_key(v) for v in vs) for k, vs in levels.items()},
        )
        _LEVELS_CACHE[id(levels)] = hit
    return hit[1]


@audit_check("structure-missing-execution", "structure-missing-total")
def check_printed_cells(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    ex = form.execution
    for name, label, label_en in (
        ("weight", "分值", "weight"),
        ("rate_percent", "执行率", "rate"),
        ("score", "得分", "score"),
    ):
        if getattr(ex, name) is None:
            yield ctx.issue(
                "structure-missing-execution", f"execution.{name}", label=label, label_en=label_en
            )
    if form.total_score is None:
        yield ctx.issue("structure-missing-total", "total_score")


@audit_check(
    "structure-no-indicators",
    "structure-empty-name",
    "structure-empty-level",
    "structure-duplicate-name",
    "structure-empty-target",
    "structure-empty-actual",
    "structure-missing-weight",
    "structure-missing-score",
)
def check_indicator_cells(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    if not form.indicators:
        yield ctx.issue("structure-no-indicators", "indicators")
        return
    first_seen: dict[str, int] = {}
    dashes = DASHES
    for i, ind in enumerate(form.indicators):
        name, level1, level2, target, actual = (
            ind.name,
            ind.level1,
            ind.level2,
            ind.target,
            ind.actual,
        )
        if name is None or name.strip() in dashes:
            yield ctx.issue("structure-empty-name", indicator_path(i, "name"), n=i + 1, name="")
        else:
            key = "".join(name.split())
            first = first_seen.setdefault(key, i)
            if first != i:
                yield ctx.issue(
                    "structure-duplicate-name",
                    indicator_path(i, "name"),
                    first=first + 1,
                    n=i + 1,
                    name=name,
                )
        if level1 is None or level2 is None or level1.strip() in dashes or level2.strip() in dashes:
            for attr, label, label_en in (
                ("level1", "一级指标", "level 1"),
                ("level2", "二级指标", "level 2"),
            ):
                if blank(getattr(ind, attr)):
                    yield ctx.issue(
                        "structure-empty-level",
                        indicator_path(i, attr),
                        label=label,
                        label_en=label_en,
                        n=i + 1,
                        name=name or "",
                    )
        if target is None or target.strip() in dashes:
            yield ctx.issue(
                "structure-empty-target", indicator_path(i, "target"), n=i + 1, name=name or ""
            )
        if actual is None or actual.strip() in dashes:
            yield ctx.issue(
                "structure-empty-actual", indicator_path(i, "actual"), n=i + 1, name=name or ""
            )
        if ind.weight is None:
            yield ctx.issue(
                "structure-missing-weight", indicator_path(i, "weight"), n=i + 1, name=name or ""
            )
        if ind.score is None:
            yield ctx.issue(
                "structure-missing-score", indicator_path(i, "score"), n=i + 1, name=name or ""
            )


@audit_check("structure-unknown-level", "structure-missing-level1")
def check_framework(form: Form, ctx: AuditContext) -> Iterator[Issue]:
    levels = _known_levels(ctx.config.levels)
    present: set[str] = set()
    for i, ind in enumerate(form.indicators):
        if blank(ind.level1):
            continue
        l1 = level_key(ind.level1)
        present.add(l1)
        known = levels.get(l1)
        if known is None:
            bad = "level1"
        elif not blank(ind.level2) and level_key(ind.level2) not in known:
            bad = "level2"
        else:
            continue
        yield ctx.issue(
            "structure-unknown-level",
            indicator_path(i, bad),
            n=i + 1,
            name=ind.name or "",
            level1=ind.level1,
            level2=ind.level2 or "",
        )
    if form.indicators:
        for required in ctx.config.required_level1:
            if level_key(required) not in present:
                yield ctx.issue("structure-missing-level1", "indicators", level1=required)
