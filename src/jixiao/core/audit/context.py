"""What a check sees besides the form: the rule set, the tunable thresholds, the score.

A check is a plain function ``(form, ctx) -> Iterable[Issue]``. The context carries
the options that differ between rule sets (rate tolerance, known 一级/二级 pairs …)
in one small :class:`AuditConfig`, computes the rule-based score only when a check
asks for it (most checks are pure arithmetic and should not pay for scoring), and
caches how each 实际完成值 compares with its 年度指标值 so that several checks share it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from decimal import ROUND_HALF_UP, Context, Decimal
from types import MappingProxyType
from typing import Any

from jixiao.core.frozen import FrozenMap
from jixiao.core.grammar import evaluate_texts
from jixiao.core.issues import REGISTRY, Issue, Location
from jixiao.core.model import Form

CENT = Decimal("0.01")

DEFAULT_LEVELS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "产出指标": frozenset({"数量指标", "质量指标", "时效指标", "成本指标"}),
        "效益指标": frozenset({"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}),
        "满意度指标": frozenset({"服务对象满意度指标"}),
        # 财预〔2021〕101号 lets 成本指标 stand as its own 一级指标.
        "成本指标": frozenset({"经济成本指标", "社会成本指标", "生态环境成本指标"}),
    }
)
"""Known 一级 → 二级 pairs (the national framework as printed on Shanghai forms)."""


@dataclass(frozen=True, slots=True)
class AuditConfig:
    """Thresholds and options of the checks; a rule set may carry its own.

    ``rate_tolerance``: a printed 执行率 that differs from the rounded quotient by at
    most this much is a rounding *warning*; beyond it (or any difference when 0) it is
    an *error*. Real Shanghai forms show 0.01 slips, hence the default.
    """

    rate_tolerance: Decimal = CENT
    score_tolerance: Decimal = Decimal("0.005")
    execution_reason_below: Decimal | None = Decimal(90)
    target_too_low_ratio: Decimal = Decimal(2)
    target_exceeded_ratio: Decimal = Decimal("1.3")
    qualitative_share: Decimal = Decimal("0.5")
    full_marks: Decimal = Decimal(100)
    levels: Mapping[str, frozenset[str]] = field(default_factory=lambda: DEFAULT_LEVELS)
    required_level1: tuple[str, ...] = ("产出指标", "效益指标", "满意度指标")

    @classmethod
    def from_rules(cls, rules: Any, name: str | None = None) -> AuditConfig:
        """The options for a rule set.

        Start from :data:`AUDIT_CONFIGS` for its name (or the defaults), then let what
        the rule set itself declares win: an attribute of the same name (e.g.
        ``rate_tolerance``) or an entry of an ``audit`` / ``options`` mapping.
        """
        if isinstance(rules, AuditConfig):
            return rules
        name = name or (rules if isinstance(rules, str) else getattr(rules, "name", None))
        base = AUDIT_CONFIGS.get(name or "", _DEFAULT_CONFIG)
        if rules is None or isinstance(rules, str):
            return base
        key = id(rules)
        hit = _CONFIGS.get(key)
        if hit is not None and hit[0] is rules and hit[1] is base:
            return hit[2]
        config = base._read(rules)
        _CONFIGS[key] = (rules, base, config)
        return config

    def _read(self, rules: Any) -> AuditConfig:
        found: dict[str, Any] = {}
        nested = getattr(rules, "audit", None)
        options = getattr(rules, "options", None)
        for f in fields(self):
            for source in (nested, options):
                if isinstance(source, Mapping) and f.name in source:
                    found[f.name] = source[f.name]
            if hasattr(rules, f.name):
                found[f.name] = getattr(rules, f.name)
        for name, value in list(found.items()):
            if isinstance(value, (int, float, str)) and name not in ("levels", "required_level1"):
                found[name] = Decimal(str(value))
        return replace(self, **found)


_DEFAULT_CONFIG = AuditConfig()
AUDIT_CONFIGS: dict[str, AuditConfig] = {}
"""Audit options per rule-set name, for rule sets that do not carry them themselves
(e.g. ``AUDIT_CONFIGS["strict"] = AuditConfig(rate_tolerance=Decimal(0))``)."""
_CONFIGS: dict[int, tuple[Any, AuditConfig, AuditConfig]] = {}
"""Configs read from rule-set objects, by identity (rule sets are few and long-lived)."""


WIDE = Context(prec=80, rounding=ROUND_HALF_UP)
"""Room for absurd printed numbers (10^25人): quantizing never overflows the precision."""


DASHES = frozenset({"", "-", "—", "——", "/", "－", "--"})


def blank(text: str | None) -> bool:
    """Nothing printed: None, spaces, or a dash standing for an empty cell."""
    return text is None or text.strip() in DASHES


def q2(value: Decimal) -> Decimal:
    """Half-up to 2 decimals, as printed scores and rates are."""
    return value.quantize(CENT, context=WIDE)


def fmt(value: Decimal | None) -> str:
    """A number as a reviewer would write it: no exponent, no trailing zeros."""
    if value is None:
        return "—"
    text = format(value.normalize(), "f")
    return text


_JSON_INDEX = re.compile(r"^\$?\[(\d+)\]$")


def _index_in_file(form: Form) -> int | None:
    """The form's position in its file when its source says so (JSON path ``[2]``)."""
    source = form.provenance.form
    path = source.json_path if source is not None else None
    m = _JSON_INDEX.match(path) if path else None
    return int(m.group(1)) if m else None


class ScoringFailed(Exception):
    """The scoring engine raised on this form (a defect of the engine, not of the form)."""


class AuditContext:
    """Per-form state shared by the checks of one :func:`~jixiao.core.audit.check` run."""

    def __init__(
        self,
        form: Form,
        rules: Any = None,
        *,
        rules_name: str | None = None,
        config: AuditConfig | None = None,
        score: Any = None,
        form_index: int | None = None,
    ) -> None:
        self.form = form
        self.rules = rules
        self.rules_name = rules_name or getattr(rules, "name", None) or "shanghai-2022"
        self.config = config or AuditConfig.from_rules(rules, self.rules_name)
        self.form_index = form_index if form_index is not None else _index_in_file(form)
        self._score = score
        self._evaluations: list[Any] | None = None
        self._indicator_scores: dict[int, Any] | None = None
        self._score_error: ScoringFailed | None = None

    # -- issues ---------------------------------------------------------------
    def location(self, path: str) -> Location:
        """Where field ``path`` was printed (its own source, else the form's)."""
        provenance = self.form.provenance
        source = provenance.fields.get(path) if provenance.fields else None
        if source is None:
            source = provenance.form
            if source is None:
                return Location(field=path, form_index=self.form_index)
        return Location(
            source.file, source.page, source.line, source.sheet, source.cell, path, self.form_index
        )

    def issue(self, code: str, path: str, **params: Any) -> Issue:
        """An issue of ``code`` pointing at field ``path`` of this form.

        Same as :func:`~jixiao.core.issues.make_issue`, built directly: a batch audit
        creates millions of these.
        """
        return Issue(
            code,
            REGISTRY[code].severity,
            self.location(path),
            FrozenMap(params),
            self.form.project_name,
        )

    # -- lazily computed ------------------------------------------------------
    @property
    def score(self) -> Any:
        """The rule-based :class:`FormScore`, computed on first use.

        If the engine fails, every later use raises the same :class:`ScoringFailed`,
        so :func:`~jixiao.core.audit.check` reports the failure once.
        """
        if self._score is None:
            if self._score_error is not None:
                raise self._score_error
            from jixiao.core.scoring import score_form

            try:
                self._score = score_form(
                    self.form, self.rules if self.rules is not None else self.rules_name
                )
            except Exception as exc:
                self._score_error = ScoringFailed(f"{type(exc).__name__}: {exc}")
                raise self._score_error from exc
        return self._score

    def indicator_score(self, index: int) -> Any:
        """The engine's ``IndicatorScore`` of indicator ``index`` (None if it gave none)."""
        if self._indicator_scores is None:
            self._indicator_scores = {s.index: s for s in self.score.indicators}
        return self._indicator_scores.get(index)

    def evaluation(self, index: int) -> Any:
        """How indicator ``index``'s actual compares with its target (grammar ``Evaluation``)."""
        return self.evaluations[index]

    @property
    def evaluations(self) -> list[Any]:
        """The evaluation of every indicator, in order (computed once per form)."""
        if self._evaluations is None:
            self._evaluations = [
                evaluate_texts(ind.target, ind.actual) for ind in self.form.indicators
            ]
        return self._evaluations
