"""Import -> check gives the same issues as checking the hand-read gold forms."""

from __future__ import annotations

import pytest

from jixiao.core.audit import check
from jixiao.core.issues import flatten
from jixiao.formats.interchange import dumps, loads
from jixiao.importers import import_path
from tests.importers.conftest import sample


@pytest.mark.parametrize("name", ["shanghai-2022-part1.rendered.xlsx", "shanghai-2022-part1.rendered.pdf"])
def test_same_issues_as_the_gold(gold, name):
    result = import_path(sample(name))
    # through the interchange JSON, as `jixiao import` then `jixiao check` would
    forms, issues = loads(dumps(result.forms), "out.json")
    assert not issues
    for got, want in zip(forms, gold, strict=True):
        assert flatten(check(got), "field", "code", "severity") == flatten(check(want), "field", "code", "severity")
    assert any(check(g) for g in gold)  # the gold forms do have findings to compare
