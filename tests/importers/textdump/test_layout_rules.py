"""Reading rules of the ``pdftotext -layout`` reader, one general cause per test."""

from __future__ import annotations

from jixiao.importers.textdump.layout import layout_pages

GOALS = """\
项目名称                                         某项目
                      预期目标                                                        实际完成情况
 年
                                                                1、已推进信息化建设，保障系统安全稳定运
 度
 总      1、推进信息化建设，保障系统安全稳定运行。                                 行。
 体      2、加强项目资金管理，提高资金使用效益。                                    2、已加强项目资金管理。
                                                                3、已完成。
 标      3、强化绩效管理。
"""


def _sides(text: str) -> tuple[str, str]:
    page = layout_pages(text)[0]
    left = "".join(ln.raw for ln in page if ln.block == -2)
    right = "".join(ln.raw for ln in page if ln.block == -1)
    return left, right


def test_goal_line_alone_in_the_right_column_is_actual() -> None:
    # a line printed only in the 实际完成情况 column starts right of the 预期目标 header's
    # centre, even when it starts well left of the 实际完成情况 header
    left, right = _sides(GOALS)
    assert left == "1、推进信息化建设，保障系统安全稳定运行。2、加强项目资金管理，提高资金使用效益。3、强化绩效管理。"
    assert right == "1、已推进信息化建设，保障系统安全稳定运行。2、已加强项目资金管理。3、已完成。"
