"""Random and mutated documents never raise: every failure is an issue."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.exporters import export_forms
from jixiao.importers import ImportResult, import_bytes
from tests.importers.conftest import sample
from tests.importers.docx_render import forms_to_docx

SEEDS = ("shanghai-2022-part1.rendered.xlsx", "shanghai-2022-part1.rendered.pdf", "shanghai-2022-part1.txt")


@lru_cache
def _seeds() -> tuple[bytes, ...]:
    from jixiao.formats.interchange import load_path

    forms, _ = load_path(sample("shanghai-2022-part1.gold.json"))
    docs = [sample(n).read_bytes() for n in SEEDS]
    docs.append(forms_to_docx(forms[:1]))
    docs.append(sample("central/filled-example.xls").read_bytes())
    docs.append(export_forms(forms[:1], "html"))
    return tuple(docs)


def _check(result: ImportResult) -> None:
    assert isinstance(result, ImportResult)
    assert len(result.confidences) == len(result.forms)
    for issue in result.issues:
        issue.message()
        issue.message("en")
    if not result.forms:
        assert result.issues


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_random_bytes(data):
    _check(import_bytes(data, "random.bin"))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(min_value=0, max_value=len(SEEDS) + 2),
    edits=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8)), min_size=1, max_size=6),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_mutated_documents(seed, edits, cut):
    data = bytearray(_seeds()[seed])
    for where, junk in edits:
        k = int(where * max(len(data) - 1, 0))
        data[k : k + len(junk)] = junk
    if cut is not None:
        data = data[: int(len(data) * cut)]
    _check(import_bytes(bytes(data), "mutated"))
