"""The interchange JSON: the gold round trip, exact numbers, and bad documents as issues."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings

from jixiao.core.issues import flatten
from jixiao.formats.interchange import dumps, load_path, loads, to_obj
from tests import strategies

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "jixiao" / "data" / "samples"
GOLD = SAMPLES / "shanghai-2022-part1.gold.json"
SHARED_GOLD = Path(__file__).resolve().parents[3] / "shared" / "samples" / "shanghai-2022-part1.gold.json"


def test_gold_loads_without_issues_and_reserialises_byte_for_byte() -> None:
    text = GOLD.read_text(encoding="utf-8")
    forms, issues = loads(text, file=str(GOLD))
    assert issues == []
    assert [f.project_name for f in forms] == ["公务员管理工作经费", "组织部门建设和管理工作经费", "干部教育工作经费", "基层党建及队伍教育管理"]
    assert dumps(forms) == text.rstrip("\n")
    assert json.loads(dumps(forms)) == json.loads(text)


def test_shipped_gold_is_the_shared_one() -> None:
    if SHARED_GOLD.exists():
        assert SHARED_GOLD.read_bytes() == GOLD.read_bytes()


def test_numbers_are_decimals_with_printed_precision() -> None:
    forms, _ = load_path(GOLD)
    first = forms[0]
    assert first.funds.total.executed == Decimal("10411006")
    assert first.execution.rate_percent == Decimal("89.61")
    assert first.indicators[8].score == Decimal("1.94")
    forms, _ = loads('{"total_score": 94.90, "funds": {"total": {"executed": 215457.6}}}')
    assert json.loads(dumps(forms[0]), parse_float=str)["total_score"] == "94.90"
    assert '"executed": 215457.6' in dumps(forms[0])


def test_single_object_and_unknown_keys_survive() -> None:
    text = '{"year": 2023, "project_name": "x", "indicators": [{"name": "a", "note": [1, 2]}], "x-source": {"page": 3}}'
    forms, issues = loads(text)
    assert issues == []
    obj = to_obj(forms[0])
    assert obj["x-source"] == {"page": 3}
    assert obj["indicators"][0]["note"] == [1, 2]
    assert "amount_unit" not in obj


def test_amount_unit_written_only_when_present() -> None:
    forms, _ = loads('{"amount_unit": "万元"}')
    assert forms[0].unit == "万元"
    assert '"amount_unit": "万元"' in dumps(forms[0])
    forms, _ = loads("{}")
    assert forms[0].unit == "元"
    assert "amount_unit" not in dumps(forms[0])


def test_syntax_error_is_an_issue_with_its_line() -> None:
    forms, issues = loads('[\n {"year": 2022,,}\n]', file="bad.json")
    assert forms == []
    assert flatten(issues, "file", "line", "code") == [["bad.json", 2, "json-syntax"]]
    assert "第 2 行" in issues[0].message("zh")
    assert "line 2" in issues[0].message("en")


def test_wrong_shapes_and_types_are_issues_not_exceptions() -> None:
    _, issues = loads("42")
    assert flatten(issues, "code") == [["json-shape"]]
    forms, issues = loads('[{"year": "二〇二二", "total_score": true, "indicators": [{"weight": "3"}, 7]}, "x"]')
    assert len(forms) == 1
    assert flatten(issues, "form_index", "field", "code") == [
        [0, "year", "json-type"],
        [0, "indicators[0].weight", "json-number-as-text"],
        [0, "indicators[1]", "json-type"],
        [0, "total_score", "json-type"],
        [1, "[1]", "json-shape"],
    ]
    assert forms[0].indicators[0].weight == Decimal(3)
    assert forms[0].year is None


def test_empty_and_binary_input() -> None:
    assert flatten(loads("")[1], "code") == [["json-syntax"]]
    assert flatten(loads(b"\xff\xfe\x00garbage")[1], "code") == [["json-syntax"]]


@settings(max_examples=60, deadline=None)
@given(strategies.form)
def test_any_form_round_trips_through_json(form) -> None:  # type: ignore[no-untyped-def]
    text = dumps([form])
    forms, issues = loads(text)
    assert issues == []
    assert forms == [form]
    assert dumps(forms) == text


def test_published_schema_accepts_gold_and_written_forms() -> None:
    import jsonschema

    schema = json.loads((Path(__file__).resolve().parents[2] / "src/jixiao/formats/form.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(GOLD.read_text(encoding="utf-8")), schema)
    forms, _ = loads('{"year": 2023, "amount_unit": "万元"}')
    jsonschema.validate(json.loads(dumps(forms[0])), schema)
    try:
        jsonschema.validate({"year": "2022"}, schema)
    except jsonschema.ValidationError:
        pass
    else:  # pragma: no cover - the schema must reject a text year
        raise AssertionError("schema accepted a text year")
