"""Cross-form findings on the real sample: what a reviewer would flag by reading it."""

from jixiao.analytics import Analysis
from jixiao.core.grammar import parse
from jixiao.formats.interchange import load_path

from .conftest import GOLD


def _by_kind(a: Analysis, kind: str) -> list[dict]:
    return a.findings(kind, limit=None)


def test_low_execution_high_score_is_the_training_project(gold_analysis: Analysis) -> None:
    forms, _ = load_path(GOLD)
    expected = [f.project_name for f in forms
                if f.execution.rate_percent is not None and f.execution.rate_percent < 60 and (f.total_score or 0) >= 90]
    found = [r["project_name"] for r in _by_kind(gold_analysis, "batch-low-execution-high-score")]
    assert found == expected == ["干部教育工作经费"]


def test_targets_far_exceeded_are_found(gold_analysis: Analysis) -> None:
    found = {r["detail"].split("”")[0].lstrip("指标“") for r in _by_kind(gold_analysis, "batch-target-too-low")}
    # 1368 against >=600 people, 3 issues a month against =1 a month
    assert found == {"领导干部2+X专题研讨班培训人次", "手机党校彩信推送"}


def test_actual_repeating_a_qualitative_target(gold_analysis: Analysis) -> None:
    forms, _ = load_path(GOLD)
    rows = _by_kind(gold_analysis, "batch-actual-repeats-target")
    # a free-text target copied as the actual; "及时" for "及时" is a completion, not a repeat
    assert len(rows) == sum(
        1 for f in forms for i in f.indicators
        if i.actual and i.actual == i.target and type(parse(i.target)).__name__ == "Qualitative"
    ) > 0
    assert any("适合适当" in r["detail"] for r in rows)


def test_no_cross_project_copies_or_jumps_in_one_disclosure(gold_analysis: Analysis) -> None:
    counts = gold_analysis.finding_counts()
    assert "batch-copied-indicators" not in counts
    assert "batch-year-over-year-jump" not in counts


def test_ranking_puts_forms_with_more_findings_first(gold_analysis: Analysis) -> None:
    ranked = gold_analysis.ranked_forms()
    assert len(ranked) == 4
    assert [r["severity"] for r in ranked] == sorted((r["severity"] for r in ranked), reverse=True)
    assert ranked[0]["severity"] > ranked[-1]["severity"]
