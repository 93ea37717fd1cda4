"""The model's records: immutable, comparable, picklable (for --jobs), with provenance."""

from __future__ import annotations

import pickle
from decimal import Decimal
from types import MappingProxyType

import pytest

import jixiao.cli.inputs  # noqa: F401  (declares input-unreadable)
from jixiao.core.frozen import FrozenMap
from jixiao.core.issues import Location, make_issue
from jixiao.core.model import Form, Indicator, Provenance, Source


def test_records_are_frozen() -> None:
    form = Form(project_name="x", indicators=[Indicator(name="a")])  # type: ignore[arg-type]
    assert isinstance(form.indicators, tuple)
    with pytest.raises(AttributeError):
        form.project_name = "y"  # type: ignore[misc]
    with pytest.raises(TypeError):
        form.extra["k"] = 1  # type: ignore[index]


def test_provenance_falls_back_to_form_source_and_survives_pickle() -> None:
    prov = Provenance(Source(file="a.pdf"), MappingProxyType({"total_score": Source(file="a.pdf", page=2, confidence=Decimal("0.8"))}))
    form = Form(provenance=prov, extra={"x-note": [1]})
    assert form.source_of("total_score").page == 2  # type: ignore[union-attr]
    assert form.source_of("year").file == "a.pdf"  # type: ignore[union-attr]
    assert isinstance(form.provenance.fields, FrozenMap)
    clone = pickle.loads(pickle.dumps(form))
    assert clone == form
    assert clone.provenance.of("total_score") == prov.of("total_score")


def test_issue_messages_in_both_languages_and_pickle() -> None:
    issue = make_issue("input-unreadable", Location(file="a.pdf", page=3), form="项目", reason="No such file")
    assert issue.message("zh") == "无法读取文件：No such file"
    assert issue.message("en") == "Cannot read the file: No such file"
    assert issue.location.describe() == "a.pdf p.3"
    assert pickle.loads(pickle.dumps(issue)) == issue
    with pytest.raises(KeyError):
        make_issue("no-such-code")


def test_source_describe() -> None:
    assert Source(file="b.xlsx", sheet="表1", cell="C7").describe() == "b.xlsx 表1!C7"
