"""Generated forms for benchmarks, property tests and accuracy measurements.

The forms are *valid*: weights split 10 + 产出 50 + 效益 30 + 满意度 10, the 执行率 and
its score follow from the amounts, every claimed score follows the scoring rules
(shortfalls are proportional and carry a 偏差原因), and 总分 is the sum. Variety is
what matters for importers and exporters: indicator counts, long wrapped texts, empty
fund rows, 万元 forms, deviations. A seeded ``random.Random`` makes every run
reproducible.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from jixiao.core.model import Execution, Form, FundRow, Funds, Goals, Indicator

_CENT = Decimal("0.01")

DEPARTMENTS = ("市教育局", "市卫生健康委员会", "市民政局", "市交通委员会", "市财政局", "市生态环境局", "区文化旅游局")
UNITS = ("本级", "信息中心", "培训中心", "服务中心", "执法总队", "第一分局", "事务管理中心")
PROJECTS = ("信息化运维", "人才培训", "社区养老服务", "道路养护", "公共卫生监测", "档案数字化", "执法装备购置", "课题研究")
GOAL_PHRASES = (
    "贯彻落实年度工作部署，完成各项任务。",
    "加强项目资金管理，提高资金使用效益。",
    "按计划开展培训、调研和宣传工作，提升服务水平。",
    "推进信息化建设，保障系统安全稳定运行。",
    "强化绩效管理，确保项目按期保质完成。",
)
QUANTITY_NAMES = ("培训人次", "调研次数", "印发材料份数", "服务对象人数", "检查单位家数", "电子化页数", "会议场次")
QUANTITY_UNITS = ("人次", "次", "份", "人", "家", "万页", "场")
QUALITY_NAMES = ("培训考试通过率", "验收合格率", "系统可用率", "资料归档完整率")
QUALITATIVE = {
    # each 效益 group speaks of its own topic, as real forms do; the last two of each group
    # could sit under either (their words name no topic), so dumps keep honest ties
    "社会效益指标": (
        ("服务质量", "进一步提升", "进一步提升"),
        ("社会影响", "社会满意度持续提高", "社会满意度持续提高"),
        ("公众知晓度", "明显提高", "明显提高"),
        ("群众获得感", "进一步增强", "进一步增强"),
        ("信息安全", "安全", "安全"),
        ("工作效率", "有效提高", "有效提高"),
    ),
    "可持续影响指标": (
        ("工作机制", "健全", "健全"),
        ("长效管理机制", "建立并有效运行", "建立并有效运行"),
        ("项目持续发挥作用", "长期", "长期"),
        ("制度建设", "进一步完善", "进一步完善"),
        ("信息安全", "安全", "安全"),
        ("人才队伍建设", "稳定", "稳定"),
    ),
}
TIMELINESS = (("项目完成及时性", "及时", "及时"), ("自评完成时间", "3月底前", "按期完成"), ("年度任务完成", "12月底前", "按时完成"))
SATISFACTION = ("服务对象满意度", "培训学员满意度", "参训单位满意度")
DEVIATION_REASONS = ("受疫情影响，部分工作延后开展，后续将加强计划管理。", "实际需求少于预期，下一年度将据实调整目标。")


def _q(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """Split ``total`` points into ``parts`` positive integers."""
    parts = max(1, min(parts, total))
    cuts = sorted(rng.sample(range(1, total), parts - 1)) if parts > 1 else []
    bounds = [0, *cuts, total]
    return [b - a for a, b in itertools.pairwise(bounds)]


class _Builder:
    def __init__(self, rng: random.Random, shortfall_rate: float, long_text: bool) -> None:
        self.rng = rng
        self.shortfall_rate = shortfall_rate
        self.long_text = long_text

    def quantity(self, level2: str, weight: int) -> Indicator:
        rng = self.rng
        i = rng.randrange(len(QUANTITY_NAMES))
        unit = QUANTITY_UNITS[i]
        target = rng.randrange(2, 5000)
        op = rng.choice((">=", ">=", "=", "≥"))
        if rng.random() < self.shortfall_rate:
            actual = rng.randrange(0, target)
            score = _q(Decimal(weight) * actual / target)
            deviation: str | None = rng.choice(DEVIATION_REASONS)
        else:
            actual = target if op == "=" else target + rng.randrange(0, max(1, target // 2))
            score, deviation = Decimal(weight), None
        return Indicator("产出指标", level2, QUANTITY_NAMES[i], f"{op}{target}{unit}", f"{actual}{unit}", Decimal(weight), score, deviation)

    def rate(self, level1: str, level2: str, name: str, weight: int) -> Indicator:
        target = self.rng.choice((80, 85, 90, 95, 98, 100))
        actual = min(100, target + self.rng.randrange(0, 6))
        op = "=" if target == 100 else ">="
        return Indicator(level1, level2, name, f"{op}{target}%", f"{actual}%", Decimal(weight), Decimal(weight), None)

    def reverse(self, weight: int) -> Indicator:
        limit = self.rng.choice((30, 60, 120))
        actual = self.rng.randrange(max(1, limit // 3), limit + 1)
        return Indicator("产出指标", "时效指标", "平均响应时间", f"<={limit}分钟", f"{actual}分钟", Decimal(weight), Decimal(weight), None)

    def qualitative(self, level1: str, level2: str, weight: int) -> Indicator:
        name, target, actual = self.rng.choice(QUALITATIVE[level2])
        if self.long_text:
            target = target + "，" + "并" .join(self.rng.sample(GOAL_PHRASES, 2))
            actual = target
        return Indicator(level1, level2, name, target, actual, Decimal(weight), Decimal(weight), None)

    def timely(self, weight: int) -> Indicator:
        name, target, actual = self.rng.choice(TIMELINESS)
        return Indicator("产出指标", "时效指标", name, target, actual, Decimal(weight), Decimal(weight), None)

    def indicators(self, max_per_level2: int) -> list[Indicator]:
        out = self._draw(max_per_level2)
        seen: dict[str, int] = {}
        unique: list[Indicator] = []
        for ind in out:  # real forms rarely repeat a name inside one table
            n = seen[ind.name or ""] = seen.get(ind.name or "", 0) + 1
            unique.append(ind if n == 1 else replace(ind, name=f"{ind.name}（{n}）"))
        return unique

    def _draw(self, max_per_level2: int) -> list[Indicator]:
        rng = self.rng
        out: list[Indicator] = []
        output_groups = ("数量指标", "质量指标", "时效指标")
        for level2, weight in zip(output_groups, _split(50, 3, rng), strict=True):
            for w in _split(weight, rng.randint(1, max_per_level2), rng):
                if level2 == "数量指标":
                    out.append(self.quantity(level2, w))
                elif level2 == "质量指标":
                    out.append(self.rate("产出指标", level2, rng.choice(QUALITY_NAMES), w))
                elif rng.random() < 0.3:
                    out.append(self.reverse(w))
                else:
                    out.append(self.timely(w))
        benefit_groups = ("社会效益指标", "可持续影响指标")
        for level2, weight in zip(benefit_groups, _split(30, 2, rng), strict=True):
            for w in _split(weight, rng.randint(1, max_per_level2), rng):
                out.append(self.qualitative("效益指标", level2, w))
        for w in _split(10, rng.randint(1, 3), rng):
            out.append(self.rate("满意度指标", "服务对象满意度指标", rng.choice(SATISFACTION), w))
        return out


def _amount(rng: random.Random, wan: bool) -> Decimal:
    if wan:
        return Decimal(rng.randrange(100, 500000)) / 100  # 1.00 … 5,000.00 万元
    value = Decimal(rng.randrange(10_000, 50_000_000))
    return value + Decimal("0.5") if rng.random() < 0.1 else value


def generate_form(rng: random.Random, *, shortfall_rate: float = 0.15, max_per_level2: int = 4, long_text: bool = False) -> Form:
    """One valid form drawn from ``rng``."""
    wan = rng.random() < 0.15
    fiscal = _amount(rng, wan)
    carry = _amount(rng, wan) if rng.random() < 0.3 else None
    other = _amount(rng, wan) if rng.random() < 0.1 else None
    initial = fiscal + (carry or 0) + (other or 0)
    annual = initial if rng.random() < 0.6 else _q(initial * Decimal(rng.randrange(70, 115)) / 100)
    executed = _q(annual * Decimal(rng.randrange(4000, 10001)) / 10000)

    def share(part: Decimal | None, of: Decimal) -> Decimal | None:
        return None if part is None else _q(of * part / initial)

    fiscal_annual = annual - (share(carry, annual) or 0) - (share(other, annual) or 0)
    fiscal_exec = executed - (share(carry, executed) or 0) - (share(other, executed) or 0)
    funds = Funds(
        total=FundRow(initial, annual, executed),
        fiscal=FundRow(fiscal, fiscal_annual, fiscal_exec),
        carryover=FundRow(carry, share(carry, annual), share(carry, executed)),
        other=FundRow(other, share(other, annual), share(other, executed)),
    )
    rate = _q(executed / annual * 100)
    exec_score = min(Decimal(10), _q(executed / annual * 10))
    builder = _Builder(rng, shortfall_rate, long_text)
    indicators = builder.indicators(max_per_level2)
    total = exec_score + sum((i.score or Decimal(0) for i in indicators), Decimal(0))
    goals_n = 8 if long_text else rng.randint(1, 4)
    expected = "".join(f"{k + 1}、{rng.choice(GOAL_PHRASES)}" for k in range(goals_n))
    return Form(
        year=rng.randint(2019, 2025),
        project_name=f"{rng.choice(PROJECTS)}项目{rng.randint(1, 99)}",
        department=rng.choice(DEPARTMENTS),
        implementing_unit=rng.choice(DEPARTMENTS) + rng.choice(UNITS),
        amount_unit="万元" if wan else None,
        funds=funds,
        execution=Execution(Decimal(10), rate, exec_score),
        goals=Goals(expected, expected.replace("加强", "已加强").replace("推进", "已推进")),
        indicators=tuple(indicators),
        total_score=total,
    )


def generate_forms(n: int, seed: int = 0, **options: object) -> Iterator[Form]:
    """``n`` valid forms, reproducible from ``seed`` (options go to :func:`generate_form`)."""
    rng = random.Random(seed)
    for _ in range(n):
        yield generate_form(rng, **options)  # type: ignore[arg-type]
