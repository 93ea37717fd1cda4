"""Cut-off dumps import what is there and flag the rest; random text never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.core.issues import flatten
from jixiao.importers.textdump import detect_shape, parse_text

from .accuracy import FIXTURES, SAMPLES


def _sample() -> str:
    return (SAMPLES / "shanghai-2022-part1.txt").read_text()


def test_dump_cut_mid_form_imports_what_is_there_and_flags_the_rest() -> None:
    lines = _sample().split("\n")
    cut = "\n".join(lines[:700])  # form 4 stops after its fund rows
    res = parse_text(cut, "cut.txt")
    assert len(res.forms) == 4
    last = res.forms[-1]
    assert last.funds.total.executed is not None and last.execution.rate_percent is not None
    assert last.indicators == ()
    rows = [r for r in flatten(res.issues, "form_index", "code", "field") if r[0] == 3]
    codes = {r[1] for r in rows}
    assert "text-truncated-form" in codes
    missing = {r[2] for r in rows if r[1] == "text-field-missing"}
    assert {"project_name", "goals.expected", "goals.actual", "total_score", "indicators"} <= missing
    # the complete forms before it are not flagged as truncated
    assert not [r for r in flatten(res.issues, "form_index", "code") if r[1] == "text-truncated-form" and r[0] < 2]


def test_dump_cut_inside_indicator_table() -> None:
    lines = _sample().split("\n")
    res = parse_text("\n".join(lines[:450]), "cut.txt")
    form2 = res.forms[1]
    assert form2.project_name == "组织部门建设和管理工作经费"
    assert form2.indicators[0].name == "事业单位审计数"
    assert form2.total_score is None
    codes = {(i.location.form_index, i.code) for i in res.issues}
    assert (1, "text-truncated-form") in codes
    missing = {r[1] for r in flatten(res.issues, "form_index", "field", "code") if r[0] == 1 and r[2] == "text-field-missing"}
    nameless = [i for i, ind in enumerate(form2.indicators) if ind.name is None]
    assert nameless and {f"indicators[{i}].name" for i in nameless} <= missing


def test_empty_and_garbage_give_an_issue_not_a_form() -> None:
    for text in ("", "   \n\n", "hello world\nfoo bar", "\x00\x01\x02"):
        res = parse_text(text, "x.txt")
        assert res.forms == []
        assert [i.code for i in res.issues] == ["text-no-form"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("绩效指标产出数量质量满意度分值得分总分0123456789.,%-=> \n\f\t人次年度项目名称—")), max_size=400))
def test_random_text_never_raises(text: str) -> None:
    res = parse_text(text)
    detect_shape(text)
    assert isinstance(res.forms, list)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_mutated_dumps_never_raise(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(["sample", "rendered.pdftotext-layout.txt", "rendered.pdftotext-plain.txt", "rendered.long-line.txt"]))
    text = _sample() if name == "sample" else (FIXTURES / name).read_text()
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 6))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["drop", "dup", "swap", "cut", "junk"]))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "cut":
            lines[i] = lines[i][: len(lines[i]) // 2]
        else:
            lines[i] = data.draw(st.text(max_size=30))
        if not lines:
            break
    res = parse_text("\n".join(lines), name)
    for form in res.forms:
        assert form.indicators is not None
