"""Named, configurable rule sets.

The official texts are not uniform (see ``docs/DECISIONS.md`` and the reference notes
on scoring rules): the national form note scores a missed reverse target as
weight × target / actual, deployed scoring software uses a linear rule, one county
zeroes targets beaten by more than 30%. Each of those choices is an option of a frozen
:class:`RuleSet`, so a form can be scored under any of them and every explanation
names the rule it applied. ``dataclasses.replace(get_rule_set(...), ...)`` makes a
custom set.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

BANDS: tuple[tuple[str, Decimal, Decimal], ...] = (
    ("achieved", Decimal("0.8"), Decimal(1)),
    ("partial", Decimal("0.6"), Decimal("0.8")),
    ("missed", Decimal(0), Decimal("0.6")),
)
"""Qualitative bands as fractions of the weight: 达成年度指标 80–100%, 部分达成 60–80%,
未达成 0–60% (boundaries belong to the higher band when a claimed score is classified)."""

BAND_TEXT = {
    "achieved": ("达成年度指标", "achieved"),
    "partial": ("部分达成年度指标并具有一定效果", "partly achieved"),
    "missed": ("未达成年度指标且效果较差", "not achieved"),
}

GRADES: tuple[tuple[Decimal, str], ...] = (
    (Decimal(90), "优"),
    (Decimal(80), "良"),
    (Decimal(60), "中"),
    (Decimal(0), "差"),
)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """How a form is scored. Every field is a documented choice, see the module doc.

    - ``reverse_formula``: "ratio" (weight × target / actual) or "linear"
      (weight × (1 − (actual − target) / target), floored at 0).
    - ``range_outside``: "nearest-bound" — outside a range, proportional to the nearest
      bound (below: actual / low; above: high / actual). An assumption: not documented.
    - ``equal_above``: "full" (above an "=" target scores full, as on the forms seen) or
      "reverse" (scored like a reverse target).
    - ``over_achievement_zero_above``: e.g. 0.3 gives 0 points when a positive target is
      beaten by more than 30%; ``None`` (off) by default.
    - ``execution_weight``: used when the form prints no 分值 for 预算执行率.
    - ``rate_base``: the fund column the execution rate divides by (全年预算数).
    - ``done_is_on_time``: a bare "已完成" against a deadline counts as met.
    """

    name: str
    title_zh: str
    title_en: str
    reverse_formula: str = "ratio"
    range_outside: str = "nearest-bound"
    equal_above: str = "full"
    over_achievement_zero_above: Decimal | None = None
    execution_weight: Decimal = Decimal(10)
    rate_base: str = "annual_budget"
    done_is_on_time: bool = True
    bands: tuple[tuple[str, Decimal, Decimal], ...] = BANDS
    grades: tuple[tuple[Decimal, str], ...] = GRADES
    full_marks: Decimal = Decimal(100)
    basis: str = ""

    def grade(self, total: Decimal | None) -> str | None:
        """优/良/中/差 for a total (None for none)."""
        if total is None:
            return None
        for threshold, grade in self.grades:
            if total >= threshold:
                return grade
        return self.grades[-1][1]

    def band(self, name: str) -> tuple[Decimal, Decimal]:
        """(low, high) fractions of the weight for band ``name``."""
        for band, low, high in self.bands:
            if band == name:
                return low, high
        raise KeyError(name)

    def band_of(self, fraction: Decimal) -> str:
        """The band a score/weight fraction falls in (the higher band on a boundary)."""
        for band, low, _high in self.bands:
            if fraction >= low:
                return band
        return self.bands[-1][0]


NATIONAL_2020 = RuleSet(
    name="national-2020",
    title_zh="全国通用（财预〔2020〕10号自评表说明）",
    title_en="National (MOF 2020 self-evaluation form notes)",
    reverse_formula="ratio",
    basis="Reverse targets: weight × target / actual, as the national form note prints it.",
)

SHANGHAI_2022 = RuleSet(
    name="shanghai-2022",
    title_zh="上海 2022（按所见上海自评表复核）",
    title_en="Shanghai 2022 (checked against published Shanghai forms)",
    reverse_formula="linear",
    basis=(
        "Execution, positive, equality-above-full and rounding reproduce the published "
        "Shanghai 2022 forms. Reverse targets use the linear rule of deployed scoring "
        "software (an assumption: no missed reverse target was seen on a Shanghai form)."
    ),
)

RULE_SETS: dict[str, RuleSet] = {r.name: r for r in (SHANGHAI_2022, NATIONAL_2020)}
DEFAULT_RULES = SHANGHAI_2022.name


def get_rule_set(name: str) -> RuleSet:
    """The rule set called ``name``; ``KeyError`` naming the known sets otherwise."""
    try:
        return RULE_SETS[name]
    except KeyError:
        known = ", ".join(sorted(RULE_SETS))
        raise KeyError(f"unknown rule set {name!r}; known: {known}") from None
