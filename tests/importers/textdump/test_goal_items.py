"""年度总体目标 numbered 1、2、3、… in both cells, printed out of order: each excerpt is a
small part of a real dump (pdfminer boxes, plain pdftotext lines)."""

from __future__ import annotations

from jixiao.importers.textdump.goal_items import rebuild, well_read
from jixiao.importers.textdump.goals import read_goals
from jixiao.importers.textdump.tokens import build_lines

E1 = "1、强化绩效管理，确保项目按期保质完成。"
E2 = "2、按计划开展培训、调研和宣传工作，提升服务水平。"
E3 = "3、推进信息化建设，保障系统安全稳定运行。"
A3 = "3、已推进信息化建设，保障系统安全稳定运行。"
_FUNDS, _TRAIN, _PERF = "加强项目资金管理，提高资金使用效益。", "按计划开展培训、调研和宣传工作，提升服务水平。", "强化绩效管理，确保项目按期保质完成。"
_TASKS, _IT = "贯彻落实年度工作部署，完成各项任务。", "推进信息化建设，保障系统安全稳定运行。"


def _goals(text: str) -> tuple[object, object]:
    lines = build_lines(text)[0]
    for ln in lines:  # the funds' cells, claimed before the goals are read
        ln.used = any(t.kind in ("amount", "percent", "dash") for t in ln.toks)
    got = read_goals(lines)
    return tuple(got[k].value if k in got else None for k in ("goals.expected", "goals.actual"))  # type: ignore[return-value]


def test_cells_printed_below_the_merged_labels_far_from_the_goal_label() -> None:
    # pdfminer: the funds' stray cells and the table's vertical labels come between
    stray = "-\n\n-\n\n502,137.61\n\n10\n\n86.71%\n\n502,137.61 —\n\n-\n\n-\n\n—\n\n—\n\n"
    text = (
        "预期目标\n\n" + stray + "实际完成情况\n\n得分\n\n8.67\n\n年\n度\n总\n体\n目\n标\n\n绩\n效\n指\n标\n\n"
        f"{E1}\n{E2}\n{E3}\n\n"
        f"{E1}\n2、按计划开展培训、调研和宣传工作，提升服\n\n务水平。\n\n3、已推进信息化建设，保障系统安全稳定运\n\n行。\n\n"
        "偏差原因分析及改进措施\n\n实际需求少于\n预期，下一年\n度将据实调整\n目标。\n\n三级指标\n\n服务对象人数\n\n=1643人\n"
    )
    assert _goals(text) == (E1 + E2 + E3, E1 + E2 + A3)


def test_a_wrapped_item_s_end_printed_as_a_box_after_the_next_items() -> None:
    # pdfminer: "行。" of item 1 printed after item 3, whose own end follows it
    text = (
        f"预期目标\n\n{E3.replace('3、', '1、')}\n{E1.replace('1、', '2、')}\n{E3}\n\n-\n\n—\n\n实际完成情况\n\n"
        "1、已推进信息化建设，保障系统安全稳定运\n\n"
        f"{E1.replace('1、', '2、')}\n3、已推进信息化建设，保障系统安全稳定运\n\n行。\n\n行。\n\n"
        "偏差原因分析及改进措施\n\n受疫情影响，\n部分工作延后\n开展，后续将\n加强计划管\n理。\n\n三级指标\n\n>=95%\n"
    )
    want_e = "1、推进信息化建设，保障系统安全稳定运行。2、强化绩效管理，确保项目按期保质完成。" + E3
    want_a = "1、已推进信息化建设，保障系统安全稳定运行。2、强化绩效管理，确保项目按期保质完成。" + A3
    assert _goals(text) == (want_e, want_a)


def test_an_item_s_end_printed_before_the_cell_it_ends() -> None:
    text = (
        f"预期目标\n\n-\n\n—\n\n{E1}\n{E3.replace('3、', '2、')}\n\n行。\n\n实际完成情况\n\n"
        "1、已强化绩效管理，确保项目按期保质完成。\n2、已推进信息化建设，保障系统安全稳定运\n\n三级指标\n\n>=95%\n"
    )
    assert _goals(text) == (
        E1 + "2、推进信息化建设，保障系统安全稳定运行。",
        "1、已强化绩效管理，确保项目按期保质完成。2、已推进信息化建设，保障系统安全稳定运行。",
    )


def test_cells_wrapping_mid_item_printed_one_after_the_other() -> None:
    # pdfminer on a LibreOffice rendition: a line ends one item and starts the next
    text = (
        "预期目标\n\n-\n\n-\n\n—\n\n实际完成情况\n\n年\n度\n总\n体\n目\n标\n\n绩\n效\n指\n标\n\n"
        "1、加强项目资金管理，提高资金使用效益。2、按计划开展培训、调研和宣传\n"
        "工作，提升服务水平。3、加强项目资金管理，提高资金使用效益。4、强化绩\n"
        "效管理，确保项目按期保质完成。5、贯彻落实年度工作部署，完成各项任务。\n"
        "6、强化绩效管理，确保项目按期保质完成。7、加强项目资金管理，提高资金\n"
        "使用效益。8、按计划开展培训、调研和宣传工作，提升服务水平。\n\n"
        "1、已加强项目资金管理，提高资金使用效益。2、按计划开展培\n"
        "训、调研和宣传工作，提升服务水平。3、已加强项目资金管理，\n"
        "提高资金使用效益。4、强化绩效管理，确保项目按期保质完成。\n"
        "5、贯彻落实年度工作部署，完成各项任务。6、强化绩效管理，\n"
        "确保项目按期保质完成。7、已加强项目资金管理，提高资金使用\n"
        "效益。8、按计划开展培训、调研和宣传工作，提升服务水平。\n\n"
        "一级指标\n"
    )
    items = [_FUNDS, _TRAIN, _FUNDS, _PERF, _TASKS, _PERF, _FUNDS, _TRAIN]
    assert _goals(text) == (
        "".join(f"{k}、{x}" for k, x in enumerate(items, 1)),
        "".join(f"{k}、{'已' if x == _FUNDS else ''}{x}" for k, x in enumerate(items, 1)),
    )

def test_cells_interleaved_line_by_line_wrapping_mid_item() -> None:
    # plain pdftotext on a LibreOffice rendition: the narrower 实际完成情况 line comes first
    text = (
        "-\n\n预期目标\n年\n度\n总\n体\n目\n标\n\n—\n实际完成情况\n\n"
        "1、已推进信息化建设，保障系统安全稳定运行。2、按计划开展\n"
        "1、推进信息化建设，保障系统安全稳定运行。2、按计划开展培训、调研和宣\n"
        "培训、调研和宣传工作，提升服务水平。3、贯彻落实年度工作部\n"
        "传工作，提升服务水平。3、贯彻落实年度工作部署，完成各项任务。4、强化\n"
        "署，完成各项任务。4、强化绩效管理，确保项目按期保质完成。\n"
        "绩效管理，确保项目按期保质完成。5、加强项目资金管理，提高资金使用效益\n"
        "5、已加强项目资金管理，提高资金使用效益。6、强化绩效管理\n"
        "。6、强化绩效管理，确保项目按期保质完成。7、推进信息化建设，保障系统\n"
        "，确保项目按期保质完成。7、已推进信息化建设，保障系统安全\n"
        "安全稳定运行。8、推进信息化建设，保障系统安全稳定运行。\n"
        "稳定运行。8、已推进信息化建设，保障系统安全稳定运行。\n\n"
        "一级指标\n"
    )
    items = [_IT, _TRAIN, _TASKS, _PERF, _FUNDS, _PERF, _IT, _IT]
    assert _goals(text) == (
        "".join(f"{k}、{x}" for k, x in enumerate(items, 1)),
        "".join(f"{k}、{'已' if x in (_IT, _FUNDS) else ''}{x}" for k, x in enumerate(items, 1)),
    )

def test_a_cell_begun_above_the_labels_ending_at_the_foot_of_the_page() -> None:
    # plain pdftotext: 实际完成情况's first line above 年度总体目标, the rest below the
    # table's labels, the end of its first item at the foot of the page
    text = (
        "预期目标\n\n实际完成情况\n1、已推进信息化建设，保障系统安全稳定运\n\n年\n度\n总\n体\n目\n标\n\n"
        f"1、推进信息化建设，保障系统安全稳定运行。\n{E2}\n\n一级指标\n\n二级指标\n\n数量指标\n\n"
        "2、按计划开展培训、调研和宣传工作，提升服\n务水平。\n\n三级指标\n\n年度指标值\n\n检查单位家数\n\n>=2947家\n\n"
        "工作机制\n\n健全，贯彻落实\n年度工作部署，\n完成各项任务。\n\n效益指标\n\n行。\n\n第 48 页 / 共 51 页\n"
    )
    assert _goals(text) == ("1、推进信息化建设，保障系统安全稳定运行。" + E2, "1、已推进信息化建设，保障系统安全稳定运行。" + E2)


def test_a_reason_printed_before_the_cells_is_no_goal() -> None:
    # pdfminer on a LibreOffice rendition: the execution row's 偏差原因 (…目标。) first
    text = (
        "其他资金\n\n-\n\n-\n\n预期目标\n\n-\n\n-\n\n-\n\n-\n\n—\n\n—\n\n实际完成情况\n\n偏差原因分析及改进\n措施\n\n"
        "实际需求少于预期，\n下一年度将据实调整\n目标。\n\n实际需求少于预期，\n下一年度将据实调整\n目标。\n\n"
        "1、贯彻落实年度工作部署，完成各项任务。\n\n1、贯彻落实年度工作部署，完成各项任务。\n\n一级指标\n"
    )
    assert _goals(text) == ("1、贯彻落实年度工作部署，完成各项任务。", "1、贯彻落实年度工作部署，完成各项任务。")

def test_an_item_of_several_sentences_keeps_them() -> None:
    text = (
        "预期目标\n\n1、完成公务员招录工作。\n2、开展公务员培训，提升队伍能力素质。\n培训以线上为主。\n\n"
        "实际完成情况\n\n1、公务员招录工作有序推进，选拔合适人选。\n2、已开展公务员培训，提升队伍能力素质。\n\n"
        "三级指标\n\n服务对象人数\n\n=1643人\n"
    )
    assert _goals(text) == (
        "1、完成公务员招录工作。2、开展公务员培训，提升队伍能力素质。培训以线上为主。",
        "1、公务员招录工作有序推进，选拔合适人选。2、已开展公务员培训，提升队伍能力素质。",
    )


def test_free_text_is_left_to_the_widths() -> None:
    lines = build_lines("预期目标\n\n实际完成情况\n\n深入学习贯彻重要讲话精神，\n推动各领域党建全面进步。\n\n一级指标\n")[0]
    assert rebuild(lines, 0) is None
    assert well_read(lines, lines[2:3], lines[3:4])


def test_a_cell_s_lower_items_printed_before_its_first_ones() -> None:
    # plain pdftotext: 实际完成情况's item 3 printed at the foot of the table, above the
    # end of its item 2 and above its items 1 and 2
    text = (
        "预期目标\n\n实际完成情况\n\n1、加强项目资金管理，提高资金使用效益。\n2、推进信息化建设，保障系统安全稳定运行。\n"
        f"3、{_TRAIN}\n一级指标\n\n参训单位满意度\n\n>=98%\n\n100%\n\n时效指标\n\n满意度指\n标\n\n"
        "3、按计划开展培训、调研和宣传工作，提升服\n务水平。\n\n=3909万页\n\n质量指标\n\n效益指标\n\n行。\n\n电子化页数\n\n产出指标\n绩\n效\n指\n标\n\n"
        "1、已加强项目资金管理，提高资金使用效益。\n2、已推进信息化建设，保障系统安全稳定运\n\n总分\n\n第 6 页 / 共 51 页\n"
    )
    assert _goals(text) == (
        "1、加强项目资金管理，提高资金使用效益。2、推进信息化建设，保障系统安全稳定运行。3、" + _TRAIN,
        "1、已加强项目资金管理，提高资金使用效益。2、已推进信息化建设，保障系统安全稳定运行。3、" + _TRAIN,
    )


def test_lines_holding_both_cells_side_by_side_are_dealt_by_halves() -> None:
    # plain pdftotext on a LibreOffice rendition: lines at the same height joined by a
    # space, one of them cut right before the other cell's next item
    text = (
        "预期目标\n年\n度\n总\n体\n目\n标\n\n—\n实际完成情况\n\n"
        "1、强化绩效管理，确保项目按期保质完成。2、按计划开展培训\n"
        "1、强化绩效管理，确保项目按期保质完成。2、按计划开展培训、调研和宣传 、调研和宣传工作，提升服务水平。3、已加强项目资金管理，提\n"
        "工作，提升服务水平。3、加强项目资金管理，提高资金使用效益。4、加强项 高资金使用效益。4、已加强项目资金管理，提高资金使用效益。\n"
        "目资金管理，提高资金使用效益。5、推进信息化建设，保障系统安全稳定运行 5、已推进信息化建设，保障系统安全稳定运行。6、已加强项目\n"
        "。6、加强项目资金管理，提高资金使用效益。7、推进信息化建设，保障系统 资金管理，提高资金使用效益。7、已推进信息化建设，保障系统\n"
        "安全稳定运行。8、按计划开展培训、调研和宣传工作，提升服务水平。\n"
        "安全稳定运行。8、按计划开展培训、调研和宣传工作，提升服务\n"
        "水平。\n\n一级指标\n"
    )
    items = [_PERF, _TRAIN, _FUNDS, _FUNDS, _IT, _FUNDS, _IT, _TRAIN]
    assert _goals(text) == (
        "".join(f"{k}、{x}" for k, x in enumerate(items, 1)),
        "".join(f"{k}、{'已' if x in (_IT, _FUNDS) else ''}{x}" for k, x in enumerate(items, 1)),
    )
