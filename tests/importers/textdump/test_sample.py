"""The real sample dump (pdfminer block order) imports to exactly the hand-read gold."""

from __future__ import annotations

from decimal import Decimal

from jixiao.importers.textdump import detect_shape, parse_text

from .accuracy import SAMPLES, compare, gold


def _sample() -> str:
    return (SAMPLES / "shanghai-2022-part1.txt").read_text()


def test_sample_is_detected_as_pdfminer_blocks() -> None:
    assert detect_shape(_sample()) == "pdfminer-blocks"


def test_sample_matches_gold_field_by_field() -> None:
    res = parse_text(_sample(), "shanghai-2022-part1.txt")
    assert len(res.forms) == 4
    ok, total, diffs = compare(res.forms, gold())
    print(f"pdfminer-blocks sample: {ok}/{total} fields = {ok / total:.2%}")
    assert diffs == []


def test_every_field_has_a_source_line_and_confidence() -> None:
    res = parse_text(_sample(), "s.txt")
    form = res.forms[0]
    for path in ("project_name", "funds.total.executed", "execution.rate_percent", "goals.actual",
                 "indicators[0].name", "indicators[7].deviation", "indicators[26].score", "total_score"):
        src = form.source_of(path)
        assert src is not None and src.file == "s.txt" and src.line is not None, path
        assert src.confidence is not None and Decimal(0) < src.confidence <= 1
    # the funds of form 1 come from line 6 (annual/executed) and line 103 (initial)
    assert form.source_of("funds.total.annual_budget").line == 6
    assert form.source_of("funds.total.initial_budget").line == 103
    assert len(res.confidences) == 4 and res.confidences[0]["indicators[0].name"] < 1


def test_best_readings_are_flagged_not_silent() -> None:
    res = parse_text(_sample(), "s.txt")
    codes = {(i.code, i.form) for i in res.issues}
    # form 2's equal-score rows could be swapped: the reader says so
    assert ("text-ambiguous-assignment", "组织部门建设和管理工作经费") in codes
    assert not any(i.code == "text-arithmetic-mismatch" for i in res.issues)
    assert res.format == "text/pdfminer-blocks"


def test_each_form_reads_the_same_alone_and_in_any_order() -> None:
    """A form's reading depends on its own pages only (no leakage between forms)."""
    from jixiao.importers.textdump.tokens import split_pages

    text = _sample()
    lines = text.split("\n")
    pages = split_pages(text)
    groups = [[0, 1], [2, 3], [4], [5]]  # printed pages of forms 1-4
    parts = []
    for grp in groups:
        numbers = [n for p in grp for n, _ in pages[p]]
        parts.append("\n".join(lines[numbers[0] - 1 : numbers[-1]]))
    golds = gold()
    for part, g in zip(parts, golds, strict=True):
        res = parse_text(part)
        assert len(res.forms) == 1
        assert compare(res.forms, [g])[2] == []
    res = parse_text("\n\n\n\n".join(reversed(parts)))
    assert compare(res.forms, golds[::-1])[2] == []
