from decimal import Decimal

import pytest

from jixiao.analytics.values import name_key, ratio, read


@pytest.mark.parametrize(
    ("text", "kind", "op", "number", "unit"),
    [
        (">=155学时", "quantity", ">=", Decimal(155), "学时"),
        ("≥90%", "quantity", ">=", Decimal(90), "%"),
        ("<=30分钟", "quantity", "<=", Decimal(30), "分钟"),
        ("343人", "quantity", None, Decimal(343), "人"),
        ("300-400人", "range", None, Decimal(400), "人"),
        ("健全", "qualitative", None, None, None),
        ("科学合理、公开透明", "qualitative", None, None, None),
        ("", "empty", None, None, None),
        (None, "empty", None, None, None),
    ],
)
def test_read(text: str | None, kind: str, op: str | None, number: Decimal | None, unit: str | None) -> None:
    r = read(text)
    assert (r.kind, r.op, r.number, r.unit) == (kind, op, number, unit)


def test_ratio_only_for_comparable_positive_targets() -> None:
    assert ratio(read(">=600人"), read("1368人")) == Decimal("2.28")
    assert ratio(read("<=30分钟"), read("90分钟")) is None  # less is better: no "too low" reading
    assert ratio(read(">=600人"), read("1368人次")) is None  # 人 and 人次 are different families
    assert ratio(read("健全"), read("健全")) is None
    assert ratio(read(">=0人"), read("5人")) is None


def test_name_key_groups_printed_variants() -> None:
    assert name_key(" 服务对象满意度（%）") == name_key("服务对象满意度")
    assert name_key("1、培训人次") == name_key("培训人次（2）") == "培训人次"
    assert name_key("ＡＢＣ 满意度") == "abc满意度"
