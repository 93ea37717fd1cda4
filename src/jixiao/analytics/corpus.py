"""A generated corpus with planted anomalies, to prove the batch audit finds them.

Valid forms come from :func:`jixiao.synth.generate_forms`; :func:`make_clean` then
removes the weaknesses a generated form may have by chance (low execution, repeated
qualitative actuals, too many qualitative indicators, shared project names), so a
clean form should raise no finding. A share of the forms then gets exactly one planted
anomaly, recorded in a manifest as (form id, finding code). Copies and year-over-year
jumps are planted against an earlier clean form, so they also test the cross-form
queries; year-over-year *controls* (next year, small change) test that those stay quiet.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from jixiao.analytics import kinds as k
from jixiao.analytics.facts import form_id
from jixiao.analytics.values import read
from jixiao.core.model import Execution, Form, FundRow, Funds
from jixiao.formats.interchange import dumps

_CENT = Decimal("0.01")
PLANTS: tuple[str, ...] = (
    k.LOW_EXEC_HIGH_SCORE, k.TARGET_TOO_LOW, k.QUALITATIVE_HEAVY, k.REPEATS_TARGET,
    k.COPIED, k.YOY_JUMP, k.INFLATED, k.MISSING_REASON,
)
_DONE = ("已建立并运行{n}项工作制度，覆盖{m}个单位", "全年开展相关工作{n}次，服务{m}人次", "完成{n}项改进措施，涉及{m}个环节")
"""Qualitative actuals written the way units report them, each with its own figures: with
about 30 million variants, a row shared by many projects in a corpus of any size is a
planted copy, never chance (fewer variants made chance sharing common at 300k forms)."""
_VAGUE = ("管理规范有序", "机制逐步完善", "服务水平明显提升")
REASON = "实际执行中需求变化，已在下一年度调整计划。"


def _done(rng: random.Random) -> str:
    return rng.choice(_DONE).format(n=rng.randint(2, 999), m=rng.randint(10, 9999))


def _q(d: Decimal) -> Decimal:
    return d.quantize(_CENT, rounding=ROUND_HALF_UP)


def _total(form: Form) -> Form:
    """Keep 总分 the sum of the printed scores after a change."""
    total = (form.execution.score or Decimal(0)) + sum((i.score or Decimal(0) for i in form.indicators), Decimal(0))
    return form.evolve(total_score=total)


def _execution(form: Form, factor: Decimal) -> Form:
    """Scale every executed amount by ``factor``; rate and score follow the new total."""
    rows = {name: replace(row, executed=None if row.executed is None else _q(row.executed * factor))
            for name, row in form.funds.rows() if name != "total"}
    executed = sum((r.executed or Decimal(0) for r in rows.values()), Decimal(0))
    annual = form.funds.total.annual_budget or Decimal(1)
    total = replace(form.funds.total, executed=executed)
    ex = Execution(form.execution.weight, _q(executed / annual * 100), min(Decimal(10), _q(executed / annual * 10)))
    return _total(form.evolve(funds=Funds(total=total, **rows), execution=ex))


def _scale_funds(form: Form, factor: Decimal) -> Form:
    def row(r: FundRow) -> FundRow:
        return FundRow(*(None if v is None else _q(v * factor) for v in (r.initial_budget, r.annual_budget, r.executed)))

    f = form.funds
    return form.evolve(funds=Funds(row(f.total), row(f.fiscal), row(f.carryover), row(f.other)))


def make_clean(form: Form, serial: int, rng: random.Random) -> Form | None:
    """A form without chance weaknesses, or ``None`` when it had to be rejected."""
    rate = form.execution.rate_percent
    if rate is None or rate < 75:
        return None
    quals = [i for i, ind in enumerate(form.indicators) if read(ind.target).kind == "qualitative"]
    keep = set(rng.sample(quals, min(len(quals), max(1, len(form.indicators) * 3 // 10))))
    indicators = []
    for i, ind in enumerate(form.indicators):
        if i in keep:
            ind = replace(ind, actual=_done(rng))
        elif i in quals:
            target = rng.choice((90, 95, 98))
            ind = replace(ind, name=f"{ind.name}达标率", target=f">={target}%", actual=f"{target + rng.randint(0, 2)}%")
        indicators.append(ind)
    return form.evolve(project_name=f"{form.project_name}-{serial:06d}", indicators=tuple(indicators))


def _numeric(form: Form, ops: tuple[str, ...] = (">=", "=")) -> list[int]:
    out = []
    for i, ind in enumerate(form.indicators):
        r = read(ind.target)
        if r.kind == "quantity" and r.op in ops and r.number and r.number >= 2 and r.unit != "%" and ind.score == ind.weight:
            out.append(i)
    return out


def _distinctive(form: Form) -> int:
    """Indicators specific enough that sharing them is a copy (own numbers or own wording)."""
    return sum(1 for ind in form.indicators if (r := read(ind.target)).kind == "qualitative" or (r.kind == "quantity" and r.unit != "%"))


def _with(form: Form, index: int, **changes: object) -> Form:
    inds = list(form.indicators)
    inds[index] = replace(inds[index], **changes)  # type: ignore[arg-type]
    return _total(form.evolve(indicators=tuple(inds)))


def plant(kind: str, form: Form, other: Form | None, rng: random.Random) -> Form | None:
    """``form`` with one anomaly of ``kind`` (``other`` is the earlier form copies/jumps refer to)."""
    numeric = _numeric(form)
    if kind == k.LOW_EXEC_HIGH_SCORE:
        low = _execution(form, Decimal(rng.randint(35, 55)) / (form.execution.rate_percent or Decimal(100)))
        return low if (low.total_score or 0) >= 92 else None
    if kind == k.TARGET_TOO_LOW and numeric:
        i = rng.choice(numeric)
        r = read(form.indicators[i].target)
        number = r.number or Decimal(0)  # _numeric() only picks targets with a number
        return _with(form, i, actual=f"{int(number * Decimal(rng.choice((2.5, 3, 4))))}{r.unit or ''}")
    if kind == k.QUALITATIVE_HEAVY:
        inds = tuple(
            ind if read(ind.target).kind == "qualitative" or n % 5 == 0
            else replace(ind, target=rng.choice(_VAGUE), actual=_done(rng), score=ind.weight, deviation=None)
            for n, ind in enumerate(form.indicators)
        )
        return _total(form.evolve(indicators=inds))
    if kind == k.REPEATS_TARGET:
        quals = [i for i, ind in enumerate(form.indicators) if read(ind.target).kind == "qualitative"]
        if not quals:
            return None
        i = rng.choice(quals)
        return _with(form, i, actual=form.indicators[i].target)
    if kind == k.COPIED and other is not None and _distinctive(other) >= 4:
        return _total(form.evolve(indicators=other.indicators))
    if kind == k.YOY_JUMP and other is not None and other.year is not None:
        return _scale_funds(other.evolve(year=other.year + 1), Decimal(rng.choice((4, 5, 6))))
    if kind in (k.INFLATED, k.MISSING_REASON):
        heavy = [i for i in numeric if (form.indicators[i].weight or 0) >= 3]
        if not heavy:
            return None
        i = rng.choice(heavy)
        ind, r = form.indicators[i], read(form.indicators[i].target)
        actual = f"{int((r.number or Decimal(0)) * Decimal('0.5'))}{r.unit or ''}"
        if kind == k.INFLATED:  # shortfall explained, but still claims full marks
            return _with(form, i, actual=actual, deviation=REASON)
        return _with(form, i, actual=actual, score=_q((ind.weight or Decimal(0)) * Decimal("0.5")), deviation=None)
    return None


@dataclass
class _Entry:
    form: Form
    codes: list[str]
    source_ok: bool
    """May a later copy or jump refer to this form (clean, not a control)?"""


def generate_corpus(n: int, seed: int = 0, rate: float = 0.2, controls: float = 0.02) -> Iterator[tuple[Form, tuple[str, ...]]]:
    """``n`` forms with the codes planted in each (empty for clean forms and controls).

    Copies list the code on both forms (the copy and its source), since the finding
    names both; a year-over-year jump lists it on the later form only. Copies and
    jumps refer only to the form just before, and only when that form is clean and
    not a control, so no clean form is ever related to a planted one by accident.
    """
    from jixiao.synth import generate_forms

    rng = random.Random(seed)
    prev: _Entry | None = None
    made = serial = 0
    for base in generate_forms(20 * n + 100, seed=seed):
        if made >= n:
            break
        clean = make_clean(base, serial, rng)
        serial += 1
        if clean is None:
            continue
        source = prev.form if prev is not None and prev.source_ok and not prev.codes else None
        entry = _Entry(clean, [], True)
        roll = rng.random()
        if roll < rate:
            kind = PLANTS[made % len(PLANTS)] if rng.random() < 0.5 else rng.choice(PLANTS)
            planted = plant(kind, clean, source, rng)
            if planted is not None:
                entry = _Entry(planted, [kind], False)
                if kind == k.COPIED and prev is not None:
                    prev.codes.append(kind)
        elif roll < rate + controls and source is not None and source.year is not None:
            entry = _Entry(_scale_funds(source.evolve(year=source.year + 1), Decimal("1.1")), [], False)
        if prev is not None:
            yield prev.form, tuple(prev.codes)
        prev = entry
        made += 1
    if prev is not None:
        yield prev.form, tuple(prev.codes)


def write_corpus(directory: str | Path, n: int, seed: int = 0, per_file: int = 100, **options: float) -> dict[str, tuple[str, ...]]:
    """Write the corpus as interchange JSON files; returns {form id: planted codes} for every form."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, tuple[str, ...]] = {}
    batch: list[tuple[Form, tuple[str, ...]]] = []

    def flush() -> None:
        path = out / f"corpus-{len(manifest) // per_file:05d}.json"
        path.write_text(dumps([f for f, _ in batch]), encoding="utf-8")
        for i, (_, codes) in enumerate(batch):
            manifest[form_id(str(path), i)] = codes
        batch.clear()

    for item in generate_corpus(n, seed, **options):
        batch.append(item)
        if len(batch) >= per_file:
            flush()
    if batch:
        flush()
    return manifest


@dataclass(frozen=True)
class CorpusCheck:
    """How a run's findings compare with what was planted."""

    planted: int
    found: int
    missed: tuple[tuple[str, str], ...]
    clean_forms: int
    clean_flagged: tuple[tuple[str, str], ...]
    """(form id, code) of every finding on a form where nothing was planted."""

    @property
    def ok(self) -> bool:
        return not self.missed and not self.clean_flagged


def compare(manifest: dict[str, tuple[str, ...]], findings: Iterable[tuple[str, str]]) -> CorpusCheck:
    """Compare planted codes with (form id, code) findings; other kinds on planted forms are ignored."""
    seen = set(findings)
    planted = [(fid, code) for fid, codes in manifest.items() for code in codes]
    missed = tuple(sorted(p for p in planted if p not in seen))
    clean = {fid for fid, codes in manifest.items() if not codes}
    flagged = tuple(sorted(f for f in seen if f[0] in clean))
    return CorpusCheck(len(planted), len(planted) - len(missed), missed, len(clean), flagged)
