"""年度总体目标 with both columns numbered 1、2、3、 and printed line by line in turn."""

from __future__ import annotations

from jixiao.importers.textdump.goals import _numbered
from jixiao.importers.textdump.tokens import build_lines


def _lines(text: str):  # type: ignore[no-untyped-def]
    return build_lines(text)[0]


def test_items_interleaved_by_row_go_to_their_columns() -> None:
    body = _lines(
        "1、推进信息化建设，保障系统安全稳定运行。\n"
        "1、已推进信息化建设，保障系统安全稳定\n"
        "运行。\n"
        "2、加强项目资金管理，提高资金使用效益。\n"
        "2、已加强项目资金管理，提高资金使用效益。\n"
    )
    cols = _numbered(body)
    assert cols is not None
    expected, actual = ("".join(ln.text for ln in c) for c in cols)
    assert expected == "1、推进信息化建设，保障系统安全稳定运行。2、加强项目资金管理，提高资金使用效益。"
    assert actual == "1、已推进信息化建设，保障系统安全稳定运行。2、已加强项目资金管理，提高资金使用效益。"


def test_unnumbered_paragraphs_are_left_to_the_width_rule() -> None:
    assert _numbered(_lines("深入学习贯彻重要讲话精神，\n推动各领域党建全面进步。\n")) is None
