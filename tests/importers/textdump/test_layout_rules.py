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


PIECES = """\
    一级指标   二级指标     三级指标         年度指标值         实际完成值     分值    得分
                   工作机制（3）       健全           健全         1      1
           社会效益指
                   服务质量          提升           提升         2      2
             标
                   社会影响          提高           提高         3      3
           可持续影响
    效益指标
             指标    信息安全          安全           安全         4      4

                   工作机制（4）       健全           健全         5      5
"""


def test_label_printed_only_in_pieces_is_a_marker_centred_on_its_rows() -> None:
    # no whole 二级指标 label on the page: its pieces are told from names by the header's
    # 二级指标 column, and the joined label sits on the middle of its lines
    rows = layout_pages(PIECES)[0].page_rows
    names = [u.name.text for u in rows.units if u.name]
    assert names == ["工作机制（3）", "服务质量", "社会影响", "信息安全", "工作机制（4）"]
    l2 = {lab: line for line, kind, lab in rows.markers if kind == "l2"}
    anchor = {u.name.text: u.name.line for u in rows.units if u.name}
    assert int(l2["社会效益指标"]) == anchor["服务质量"]
    assert int(l2["可持续影响指标"]) == anchor["社会影响"] + 2
