"""Plain ``pdftotext`` (no -layout): cells of a ruled table printed a little out of order."""

from __future__ import annotations

from jixiao.importers.textdump.tokens import build_lines, join_value_lines

HEAD = "三级指标\n\n年度指标值\n\n实际完成值\n\n分值\n\n得分\n\n"


def _rows(body: str) -> list[str]:
    page = build_lines(HEAD + body + "\f")[0]
    return [ln.text if len(ln.toks) == 1 else " ".join(t.text for t in ln.toks) for ln in join_value_lines(page)][5:]


def test_a_weight_printed_before_its_row_joins_its_score() -> None:
    body = "调研次数\n\n>=4116次\n\n4933次\n\n1\n\n1\n1\n\n检查单位家数\n\n>=4493家\n\n5901家\n\n1\n\n会议场次\n\n=4735场\n\n4735场\n\n18\n\n18\n"
    assert _rows(body) == ["调研次数", ">=4116次", "4933次", "1 1", "检查单位家数", ">=4493家", "5901家", "1 1", "会议场次", "=4735场", "4735场", "18 18"]


def test_a_bare_actual_before_its_pair_stays() -> None:
    # actual 0, 分值 2, 得分 0; the next row has its own pair (an even run)
    body = "培训人数\n\n>=100人\n\n0\n\n2\n\n0\n\n会议场次\n\n=5场\n\n5场\n\n3\n\n3\n"
    assert _rows(body) == ["培训人数", ">=100人", "0 2 0", "会议场次", "=5场", "5场", "3 3"]


def test_a_project_name_printed_above_its_label() -> None:
    from jixiao.importers.textdump.sections import fill_late, read_header

    text = "财政项目支出绩效自评表\n(2024 年度)\n档案数字化项目12\n\n项目名称\n主管部门\n\n市交通委员会\n\n实施单位\n年初预算数\n\n全年预算数\n\n市生态环境局执法总队\n全年执行数\n\f"
    lines = build_lines(text)[0]
    head = read_header(lines)
    fill_late(head, lines)
    got = {k: f.value for k, f in head.fields.items()}
    assert got == {"year": 2024, "project_name": "档案数字化项目12", "department": "市交通委员会", "implementing_unit": "市生态环境局执法总队"}


def test_benefit_rows_of_one_kind_are_split_not_all_given_to_the_first_group() -> None:
    from decimal import Decimal

    from jixiao.importers.textdump.levels import PageGroups, SlotInfo, partition

    labels = ["数量指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"]
    for n_benefit, want in ((2, [1, 1]), (5, [4, 1]), (6, [4, 2]), (8, [5, 3])):
        slots = [SlotInfo(1, Decimal(50), "count")]
        slots += [SlotInfo(1, Decimal(30) / n_benefit, "text") for _ in range(n_benefit)]
        slots += [SlotInfo(1, Decimal(10), "percent")]
        got, margin = partition(slots, [PageGroups(1, labels)], Decimal(10))
        assert [got.count("社会效益指标"), got.count("可持续影响指标")] == want
        assert margin < 0.05  # a tie: the reader says it is unsure


def test_a_label_wrapped_around_the_level1_label_is_joined() -> None:
    page = build_lines("可持续影响指标\n服务对象满意度\n满意度指标\n指标\n培训学员满意度\n\f")[0]
    assert [ln.text for ln in page] == ["可持续影响指标", "服务对象满意度指标", "满意度指标", "培训学员满意度"]
    # an indicator named like a label's first piece is left alone
    page = build_lines("服务对象满意度\n>=95%\n96%\n\f")[0]
    assert [ln.text for ln in page] == ["服务对象满意度", ">=95%", "96%"]


def test_a_bound_on_a_duration_reads_as_a_time_limit() -> None:
    from jixiao.importers.textdump import lexicon as lx

    assert lx.affinity("<=30分钟") == lx.affinity("≤5个工作日") == lx.affinity("3月底前") == "deadline"
    assert lx.affinity(">=40学时") == lx.affinity("120天") == "count"


def _goals(text: str) -> tuple[str | None, str | None]:
    from jixiao.importers.textdump.goals import read_goals

    got = read_goals(build_lines(text + "\f")[0])
    return tuple(got[k].value if k in got else None for k in ("goals.expected", "goals.actual"))  # type: ignore[return-value]


def test_goal_columns_the_narrower_one_broke_a_sentence_the_wider_printed_whole() -> None:
    text = "预期目标\n\n实际完成情况\n\n1、已开展调研，形成专题报告三份。\n2、已按期完成信息系统升级改造工\n1、开展调研，形成专题报告三份。\n2、按期完成信息系统升级改造工作。\n\n一级指标\n"
    assert _goals(text) == ("1、开展调研，形成专题报告三份。2、按期完成信息系统升级改造工作。", "1、已开展调研，形成专题报告三份。2、已按期完成信息系统升级改造工")


def test_goal_column_begun_above_and_continued_below_the_merged_labels() -> None:
    text = (
        "预期目标\n\n实际完成情况\n\n1、已开展调研，形成专题报告三份并印发全\n1、开展调研，形成专题报告三份并印发全市。\n2、按期完成信息系统升级改造工作。\n\n"
        "一级指标\n\n二级指标\n\n数量指标\n\n三级指标\n\n市。\n2、已按期完成信息系统升级改造工作。\n\n年度指标值\n"
    )
    assert _goals(text) == ("1、开展调研，形成专题报告三份并印发全市。2、按期完成信息系统升级改造工作。", "1、已开展调研，形成专题报告三份并印发全市。2、已按期完成信息系统升级改造工作。")


def test_rows_printed_column_by_column_at_the_top_of_the_table() -> None:
    from jixiao.importers.textdump import parse_text

    dev = "受疫情影响，\n部分工作延后\n开展。\n\n"
    text = (
        "财政项目支出绩效自评表\n\n(2024 年度)\n\n项目名称\n\n档案数字化项目\n\n三级指标\n\n印发材料份数\n\n数量指标\n\n产出指标\n\n服务对象人数\n\n"
        "年度指标值\n\n≥1928份\n\n≥322人\n\n实际完成值\n\n1128份\n\n75人\n\n分值\n\n2\n\n9\n\n得分\n\n偏差原因分析\n及改进措施\n\n1.17\n\n"
        + dev + "2.10\n\n" + dev + dev + "会议场次\n\n≥941场\n\n563场\n\n6\n\n3.59\n\n质量指标\n\n系统可用率\n\n>=90%\n\n92%\n\n7\n\n7\n\n100\n\n88.00\n\n总分\n\n\f"
    )
    form = parse_text(text).forms[0]
    got = [(i.name, i.target, i.actual, str(i.weight), str(i.score)) for i in form.indicators]
    assert got == [
        ("印发材料份数", "≥1928份", "1128份", "2", "1.17"),
        ("服务对象人数", "≥322人", "75人", "9", "2.10"),
        ("会议场次", "≥941场", "563场", "6", "3.59"),
        ("系统可用率", ">=90%", "92%", "7", "7"),
    ]


def test_column_heads_between_the_first_rows_weight_and_score() -> None:
    body = "检查单位家数\n\n=2484家\n\n实际完成值\n\n1700家\n\n分值\n\n8\n\n得分\n\n偏差原因分析\n及改进措施\n\n5.48\n\n培训人次\n\n>=3086人次\n\n2569人次\n\n1\n\n0.83\n"
    page = build_lines("三级指标\n\n年度指标值\n\n" + body + "\f")[0]
    rows = [" ".join(t.text for t in ln.toks) for ln in join_value_lines(page)]
    assert "8 5.48" in rows and "1 0.83" in rows


def test_a_name_wrapped_around_its_one_line_target_and_actual() -> None:
    from jixiao.importers.textdump.rows import read_page

    body = "公务员交流、招录、培\n训方法\n\n适合适当\n\n适合适当\n\n2\n\n2\n\n交流、招录、培训工作\n科学合理、公开透明 科学合理、公开透明\n总体安排\n\n4\n\n4\n"
    page = join_value_lines(build_lines(HEAD + body + "\f")[0])
    units = read_page(page, inline=True).units
    got = [(u.name and u.name.text, u.target and u.target.text, u.actual and u.actual.text) for u in units]
    assert got[-1] == ("交流、招录、培训工作总体安排", "科学合理、公开透明", "科学合理、公开透明")


def test_a_page_end_prints_the_labels_and_footer_before_the_last_rows_numbers() -> None:
    from jixiao.importers.textdump.rows import read_page

    body = (
        "参训单位满意度\n\n=100%\n\n100%\n\n9\n\n9\n\n培训学员满意度\n\n>=95%\n\n97%\n\n效益指标\n可持续影响指标\n\n满意度指标\n\n"
        "服务对象满意度\n指标\n\n总分\n\n第6 页/ 共6 页\n\n1\n\n1\n\n100\n\n84.59\n"
    )
    pr = read_page(join_value_lines(build_lines(HEAD + body + "\f")[0]), inline=True)
    got = [(u.name and u.name.text, u.target and u.target.text, u.actual and u.actual.text, u.weight and u.weight.text) for u in pr.units]
    assert got == [("参训单位满意度", "=100%", "100%", "9"), ("培训学员满意度", ">=95%", "97%", "1")]
    assert pr.total is not None and pr.total.text == "84.59"
    assert {lab for _, _, lab in pr.markers} >= {"可持续影响指标", "服务对象满意度指标"}


def test_the_implementing_unit_printed_after_the_table() -> None:
    from jixiao.importers.textdump.sections import fill_late, read_header

    text = (
        "财政项目支出绩效自评表\n(2022 年度)\n项目名称\n道路养护项目42\n主管部门\n区文化旅游局\n实施单位\n年初预算数\n项目资金\n（元）\n全年预算数\n"
        "全年执行数\n分值\n执行率\n得分\n60.60%\n6.06\n年度资金总额\n3,805,098.5\n3,386,537.67\n2,052,241.83\n10\n\n三级指标\n\n年度指标值\n\n"
        "信息安全\n安全\n安全\n2\n2\n服务中心\n>=90%\n93%\n100\n96.06\n质量指标\n市生态环境局事务管理中心\n服务对象满意度指标\n总分\n\f"
    )
    lines = build_lines(text)[0]
    head = read_header(lines)
    fill_late(head, lines)
    assert head.fields["implementing_unit"].value == "市生态环境局事务管理中心"
    assert head.fields["implementing_unit"].confidence <= 0.5


def test_rows_printed_by_columns_after_their_scores() -> None:
    from jixiao.importers.textdump.rows import read_page

    body = (
        "适合适当\n\n适合适当\n\n2\n\n2\n\n交流、招录、培训工作\n基础建设\n\n2\n\n2\n\n3\n\n3\n\n2\n\n2\n\n培训内容\n各类培训出勤率\n\n健全\n\n健全\n\n"
        "针对性、统筹性和实 针对性、统筹性和实\n效性良好\n效性良好\n>=90%\n\n90%\n\n因疫情原因影响，\n2022年底前完成事\n业单位审计工作。\n"
    )
    pr = read_page(join_value_lines(build_lines(HEAD + body + "\f")[0]), inline=True)
    got = [(u.name and u.name.text, u.target and u.target.text, u.actual and u.actual.text, u.weight and u.weight.text) for u in pr.units]
    assert got[-3:] == [
        ("交流、招录、培训工作基础建设", "健全", "健全", "2"),
        ("培训内容", "针对性、统筹性和实效性良好", "针对性、统筹性和实效性良好", "3"),
        ("各类培训出勤率", ">=90%", "90%", "2"),
    ]
    # the reason printed after them is left over (a sentence for a row scored low)
    assert [u.name.text for u in pr.pool_names if u.name] == ["因疫情原因影响，2022年底前完成事业单位审计工作。"]


def test_actual_goals_printed_after_the_table() -> None:
    text = (
        "预期目标\n\n实际完成情况\n\n1、开展调研，形成专题报告三份。\n2、按期完成信息系统升级改造工作。\n\n一级指标\n\n三级指标\n\n年度指标值\n\n"
        "会议场次\n\n>=5场\n\n5场\n\n3\n\n3\n\n100\n\n98\n\n1、已开展调研，形成专题报告三份。\n2、已按期完成信息系统升级改造\n工作。\n\n总分\n"
    )
    assert _goals(text) == ("1、开展调研，形成专题报告三份。2、按期完成信息系统升级改造工作。", "1、已开展调研，形成专题报告三份。2、已按期完成信息系统升级改造工作。")


def test_long_wrapped_cells_are_cut_exactly_beyond_sixteen_lines() -> None:
    from jixiao.importers.textdump.wrap import join, split_exact

    cell = "社会满意度持续\n提高，按计划开\n展培训、调研和\n宣传工作，提升\n服务水平。并加\n强项目资金管\n理，提高资金使\n用效益。"
    page = build_lines(f"社会影响（2）\n\n{cell}\n\n{cell}\n\f")[0]
    assert len(page) == 17
    cells = [join(c) for c in split_exact(page, 3)]
    assert cells == ["社会影响（2）", cell.replace("\n", ""), cell.replace("\n", "")]


def test_a_sentences_last_piece_is_no_header_value() -> None:
    from jixiao.importers.textdump.sections import read_header

    head = read_header(build_lines("项目名称\n档案数字化项目\n实施单位\n效益指标\n行。\n2、已加强项目资金管理，提高资金使用效益。\n\f")[0])
    assert "implementing_unit" not in head.fields


def test_one_numbered_goal_column_in_the_body_is_预期目标() -> None:
    text = (
        "预期目标\n\n实际完成情况\n\n1、开展调研，形成专题报告三份。\n2、按期完成信息系统升级改造工作。\n3、按计划开展培训、调研和宣传工作，提升服务水平。\n\n"
        "一级指标\n\n三级指标\n\n年度指标值\n\n会议场次\n\n>=5场\n\n5场\n\n3\n\n3\n\n1、已开展调研。\n2、已完成升级改造。\n3、已开展培训。\n"
    )
    assert _goals(text) == (
        "1、开展调研，形成专题报告三份。2、按期完成信息系统升级改造工作。3、按计划开展培训、调研和宣传工作，提升服务水平。",
        "1、已开展调研。2、已完成升级改造。3、已开展培训。",
    )


def test_a_goal_line_cut_at_the_column_edge_before_the_next_item() -> None:
    text = (
        "预期目标\n\n实际完成情况\n\n1、已开展调研，形成专题报告三份。\n2、已按期完成信息系统升级改造工\n1、开展调研，形成专题报告三份。\n"
        "2、按期完成信息系统升级改造工作。\n3、开展培训。\n\n一级指标\n\n二级指标\n\n3、已开展培训，覆盖全部单位人员。\n\n三级指标\n\n年度指标值\n"
    )
    expected, actual = _goals(text)
    assert expected == "1、开展调研，形成专题报告三份。2、按期完成信息系统升级改造工作。3、开展培训。"
    assert actual is not None and actual.startswith("1、已开展调研")


def test_department_and_unit_values_printed_together_before_the_units_label() -> None:
    from jixiao.importers.textdump.sections import fill_late, read_header

    text = "财政项目支出绩效自评表\n(2021 年度)\n道路养护项目60\n项目名称\n主管部门\n项目资金（元\n）\n市财政局\n区文化旅游局执法总队\n年初预算数\n\n一级指标\n实施单位\n三级指标\n印发材料份数\n=4800份\n\f"
    lines = build_lines(text)[0]
    head = read_header(lines)
    fill_late(head, lines)
    assert {k: f.value for k, f in head.fields.items() if k != "year"} == {"project_name": "道路养护项目60", "department": "市财政局", "implementing_unit": "区文化旅游局执法总队"}


def test_goal_lines_of_both_columns_joined_on_one_line() -> None:
    text = (
        "预期目标\n\n实际完成情况\n\n深入学习贯彻会议精神，落实新时代党的建设总要求和组织路线，结合\n"
        "通过赠阅学习资料、举办学习培训等方式，推动各\n"
        "重点任务落实，重点在强基础、补短板上下功夫，努力走出基层党建新路 级党组织掌握新精神、把握新要求、投身新实践，\n"
        "符合超大城市特点和规律的路子。 取得新进展、新成果。\n\n一级指标\n"
    )
    assert _goals(text) == (
        "深入学习贯彻会议精神，落实新时代党的建设总要求和组织路线，结合重点任务落实，重点在强基础、补短板上下功夫，努力走出基层党建新路符合超大城市特点和规律的路子。",
        "通过赠阅学习资料、举办学习培训等方式，推动各级党组织掌握新精神、把握新要求、投身新实践，取得新进展、新成果。",
    )


def test_a_rows_name_and_target_printed_after_its_one_line_cells() -> None:
    from jixiao.importers.textdump.rows import read_page

    body = "事业单位审计完成\n\n6月底前\n\n年底前完成\n\n3\n\n2\n\n按要求完成\n\n3\n\n3\n\n援派干部培训完成及时 分别8月底及12月底\n性\n前完成\n\n事业单位财务管理\n\n进一步加强\n\n进一步加强\n\n6\n\n6\n"
    pr = read_page(join_value_lines(build_lines(HEAD + body + "\f")[0]), inline=True)
    got = [(u.name and u.name.text, u.target and u.target.text, u.actual and u.actual.text, u.weight and u.weight.text) for u in pr.units]
    assert got[1] == ("援派干部培训完成及时性", "分别8月底及12月底前完成", "按要求完成", "3")
    assert got[2] == ("事业单位财务管理", "进一步加强", "进一步加强", "6")


def test_the_last_rows_reason_before_the_total() -> None:
    from jixiao.importers.textdump.rows import read_page

    body = "市委党校主体班学员满\n意度\n\n>=90%\n\n93%\n\n8\n\n8\n\n外向型培训学员满意度\n\n>=90%\n\n0\n\n1\n\n0\n\n因疫情原因未能开\n展\n\n100\n\n90.56\n\n总分\n"
    pr = read_page(join_value_lines(build_lines(HEAD + body + "\f")[0]), inline=True)
    assert [u.deviation and u.deviation.text for u in pr.units] == [None, "因疫情原因未能开展"]
    assert pr.total is not None and pr.total.text == "90.56"


def test_a_goal_sentences_lone_end_printed_further_down() -> None:
    text = (
        "预期目标\n\n实际完成情况\n\n1、已推进信息化建设，保障系统安全稳定运\n1、推进信息化建设，保障系统安全稳定运行。\n\n一级指标\n\n三级指标\n\n年度指标值\n\n"
        "会议场次\n\n>=5场\n\n3场\n\n3\n\n1.8\n\n实际需求少于预期，\n下一年度将据实调整\n目标。\n\n行。\n"
    )
    assert _goals(text) == ("1、推进信息化建设，保障系统安全稳定运行。", "1、已推进信息化建设，保障系统安全稳定运行。")


def test_a_comparison_printed_alone_is_the_target_of_the_row_missing_it() -> None:
    from jixiao.importers.textdump.assemble import _lone_targets
    from jixiao.importers.textdump.units import Cell, PageRows, Unit

    row = Unit(1, 10, actual=Cell("1174人", 10, 1), weight=Cell("11", 11, 1), score=Cell("7.86", 12, 1))
    pr = PageRows(1, units=[row], pool_names=[Unit(1, 40, name=Cell("=1643人", 40, 1)), Unit(1, 41, name=Cell("服务对象人数", 41, 1))])
    _lone_targets(pr)
    assert row.target is not None and row.target.text == "=1643人"
    assert [u.name.text for u in pr.pool_names if u.name] == ["服务对象人数"]


def test_a_weight_printed_after_the_row_above_with_its_score_below_the_total() -> None:
    # 4 / 4 then 1 in one box after row 1: the 1 is row 2's 分值 (row 1 printed its actual
    # already); row 2's 得分 comes alone after the 总分 pair, below the merged labels
    body = (
        "会议场次\n\n=2951场\n\n2951场\n\n4\n\n4\n1\n\n检查单位家数\n\n>=3020家\n\n4311家\n\n调研次数\n\n≥2177次\n\n2347次\n\n2\n\n2\n\n"
        "100\n\n98.83\n\n效益指标\n\n1\n\n数量指标\n\n总分\n\n第\n\n26\n\n页\n\n/\n\n共\n\n50\n\n页\n"
    )
    assert _rows(body)[:12] == ["会议场次", "=2951场", "2951场", "4 4", "检查单位家数", ">=3020家", "4311家", "1 1", "调研次数", "≥2177次", "2347次", "2 2"]


def test_three_numbers_after_a_row_without_its_actual_stay_actual_weight_score() -> None:
    body = "培训人数\n\n>=100人\n\n4\n\n4\n1\n\n会议场次\n\n=5场\n\n5场\n\n3\n\n3\n\n100\n\n98\n\n1\n"
    assert _rows(body)[:3] == ["培训人数", ">=100人", "4 4 1"]
