"""pdfminer.six block order (shape a): the causes of misreadings, one small dump each."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.importers.textdump.funds import read_funds
from jixiao.importers.textdump.tokens import build_lines
from jixiao.importers.textdump.units import Unit


def _funds(text: str) -> dict[str, object]:
    lines = [ln for page in build_lines(text) for ln in page]
    return {k: f.value for k, f in read_funds(lines).cells.items()}


def test_wan_yuan_amounts_after_a_box_of_row_labels() -> None:
    # 万元 amounts have no thousands comma; the four row labels come as one run of boxes,
    # the amounts one per line after them with the execution cells (10, 42.42%, 得分 4.24)
    # in between: the 得分 is the one the arithmetic gives (10 × 42.42%), not 364.49
    boxes = [
        "年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金",
        "年初预算数", "全年预算数", "全年执行数", "分值 执行率",
        "859.25", "859.25", "859.25", "859.25", "364.49", "10", "42.42%", "364.49 —",
        "得分", "4.24", "-", "-", "预期目标", "-", "-", "-", "-", "—", "—",
    ]
    cells = _funds("项目资金\n（万元）\n\n" + "\n\n".join(boxes) + "\n")
    assert cells["execution.score"] == D("4.24")
    assert [cells[f"funds.total.{c}"] for c in ("initial_budget", "annual_budget", "executed")] == [D("859.25"), D("859.25"), D("364.49")]
    assert [cells[f"funds.fiscal.{c}"] for c in ("initial_budget", "annual_budget", "executed")] == [D("859.25"), D("859.25"), D("364.49")]
    assert cells["funds.other.initial_budget"] is None


def test_two_row_labels_in_turn_take_the_amounts_in_row_order() -> None:
    # 上年结转资金 and 其他资金 printed one after the other: the amounts after them are the
    # first label's row; the dashes after those are the second's
    boxes = [
        "年初预算数", "全年预算数", "全年执行数", "分值 执行率",
        "年度资金总额", "33,188,580", "33,188,580", "31,754,833.34", "10", "95.68%",
        "其中：当年财政拨款", "25,913,755", "25,913,755.00", "24,794,280.78 —",
        "上年结转资金", "其他资金", "7,274,825", "7,274,825.00", "6,960,552.56 —",
        "-", "预期目标", "-", "-", "—", "实际完成情况", "得分", "9.57",
    ]
    cells = _funds("\n\n".join(boxes) + "\n")
    assert cells["funds.carryover.initial_budget"] == D("7274825")
    assert cells["funds.carryover.executed"] == D("6960552.56")
    assert cells["funds.other.initial_budget"] is None
    assert cells["execution.score"] == D("9.57")


def _rows(text: str) -> list[tuple[str | None, str | None, str | None, str | None, str | None]]:
    from jixiao.importers.textdump.columnar import is_columnar, read_columnar

    page = build_lines(text)[0]
    assert is_columnar(page)
    pr = read_columnar(page)
    return [
        tuple(c.text if c else None for c in (u.name, u.target, u.actual, u.weight, u.score))  # type: ignore[misc]
        for u in pr.units
    ]


_HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]


def test_a_weight_merged_into_its_row_s_text_line_joins_the_number_column() -> None:
    # LibreOffice PDFs: pdfminer joins a row's target, actual and 分值 into one line
    # (``安全 安全 13``); the 13 is part of the 分值 column printed at that point
    boxes = [
        *_HEAD, "服务质量", "进一步提升", "进一步提升", "工作机制", "健全", "健全", "1", "2",
        "社会影响", "提高 提高 13", "信息安全", "安全 安全 14", "1", "2", "13", "14",
    ]
    rows = _rows("\n\n".join(boxes) + "\n")
    assert [(r[3], r[4]) for r in rows] == [("1", "1"), ("2", "2"), ("13", "13"), ("14", "14")]
    assert rows[3][1:3] == ("安全", "安全")


def test_a_merged_weight_printed_before_its_column_is_put_in_its_place() -> None:
    # the merged line comes out before the rest of the 分值 column: its number goes where
    # the column then cuts into 分值/得分 (every 得分 <= its 分值)
    boxes = [
        *_HEAD, "甲", "乙", "丙", "丁", "适当", "适当", "合理 合理 4", "健全", "健全", "良好", "良好",
        "3", "2", "3", "3", "2", "4", "3",
    ]
    rows = _rows("\n\n".join(boxes) + "\n")
    assert [(r[3], r[4]) for r in rows] == [("3", "3"), ("2", "2"), ("4", "4"), ("3", "3")]


def test_a_bare_zero_after_a_value_is_an_actual_not_a_score() -> None:
    # an actual of 0 prints as a bare number; a 分值 is never 0, so the column cuts only
    # when that 0 is the row's actual
    boxes = [*_HEAD, "甲人数", ">=45人", "0", "乙人数", ">=90人", "154人", "2", "3", "0", "3"]
    rows = _rows("\n\n".join(boxes) + "\n")
    assert rows == [("甲人数", ">=45人", "0", "2", "0"), ("乙人数", ">=90人", "154人", "3", "3")]


def test_the_number_column_printed_after_all_cells_starts_at_the_first_row() -> None:
    # a page's 分值/得分 come after every cell: the first pair follows the last row's
    # actual but is the first row's, not that row's own inline pair
    boxes = [
        *_HEAD, "甲满意度", ">=85%", "86%", "乙满意度", ">=95%", "100%", "丙满意度", ">=80%", "82%",
        "1", "1", "3", "3", "7", "7",
    ]
    rows = _rows("\n\n".join(boxes) + "\n")
    assert [(r[0], r[3]) for r in rows] == [("甲满意度", "1"), ("乙满意度", "3"), ("丙满意度", "7")]


def _units(text: str) -> list[Unit]:
    from jixiao.importers.textdump.columnar import read_columnar

    return read_columnar(build_lines(text)[0]).units


def test_a_reason_printed_above_the_table_header_goes_to_the_first_row_scored_low() -> None:
    # the 偏差原因 column's first box comes out with the header row, before 三级指标 (the
    # funds block above it on the page)
    boxes = [
        "其他资金", "偏差原因分析及改进措施", "受疫情影响，\n部分工作延后\n开展。", *_HEAD,
        "甲人数", "乙人数", "≥234人", "=839家", "331人", "26家", "4", "19", "4", "0.59",
    ]
    units = _units("\n\n".join(boxes) + "\n")
    assert [u.deviation.text if u.deviation else None for u in units] == [None, "受疫情影响，部分工作延后开展。"]


def test_a_text_printed_among_the_scores_is_a_reason_even_without_a_full_stop() -> None:
    boxes = [*_HEAD, "甲人数", ">=45人", "40人", "乙人数", ">=90人", "154人", "2", "3", "1.78", "后续纳入\n培训班", "3"]
    units = _units("\n\n".join(boxes) + "\n")
    assert [u.deviation.text if u.deviation else None for u in units] == ["后续纳入培训班", None]


def _cut(numbers: str, total: bool) -> list[tuple[str, str]]:
    from jixiao.importers.textdump.columnar import _segment
    from jixiao.importers.textdump.tokens import Line, Tok
    from jixiao.importers.textdump.units import Cell

    run = [Line(k, x, 1, k, [Tok(x, "num")]) for k, x in enumerate(numbers.split())]
    ws, _key = _segment(run, [D(x) for x in numbers.split()], Cell("90", 0, 1) if total else None)
    return [(w.text, s.text) for w, s in ws]


def test_a_page_without_the_total_row_does_not_cut_its_numbers_to_sum_90() -> None:
    # the first page of a two-page table: its 分值 happen to cut into a reading whose
    # weights add up to 90 (no row scored in full); the table goes on, so Σ = 90 is no
    # evidence and the cut where every row scores its weight wins
    nums = "22 22 2 8 5 10 3 2 8 5 10 3 1 1 1 1 2 2 2 2"
    assert _cut(nums, total=False) == [("22", "22"), ("2", "2"), ("8", "8"), ("5", "5"), ("10", "10"), ("3", "3"), ("1", "1"), ("1", "1"), ("2", "2"), ("2", "2")]


def test_few_chunks_do_not_outweigh_rows_scored_in_full() -> None:
    nums = "5 5 1 1 2 2 1 1 3 3 2 2 2 1 4 5 2 1 4 5"
    got = _cut(nums, total=False)
    assert all(w == s for w, s in got) and len(got) == 10


def test_the_total_row_printed_inside_the_number_column_is_taken_out() -> None:
    boxes = [*_HEAD, "甲满意度", ">=85%", "86%", "乙满意度", ">=95%", "100%", "3", "7", "总分", "100", "90", "3", "7"]
    from jixiao.importers.textdump.columnar import read_columnar

    pr = read_columnar(build_lines("\n\n".join(boxes) + "\n")[0])
    assert pr.total is not None and pr.total.text == "90"
    assert [(u.weight.text, u.score.text) for u in pr.units if u.weight and u.score] == [("3", "3"), ("7", "7")]


def test_a_page_footer_cut_into_words_is_no_number() -> None:
    from jixiao.importers.textdump.columnar import _table_part

    lines = build_lines("\n".join(["三级指标", "3", "3", "第", "5", "页", "/", "共", "25"]) + "\n")[0]
    assert [ln.text for ln in _table_part(lines)] == ["三级指标", "3", "3"]


def test_a_value_printed_twice_is_not_taken_for_a_name() -> None:
    from jixiao.importers.textdump.streams import assign_roles

    # a page of 17 rows as pdfminer prints it (names, targets and actuals in chunks):
    # 健全 / 社会满意度持续提高 are printed several times, so they are values, never names
    # (a table's names are unique)
    texts = [
        "会议场次", ">=2388场", "3185场", "系统可用率", "培训考试通过率", "系统可用率（2）", ">=85%", ">=80%", ">=95%",
        "89%", "82%", "97%", "年度任务完成", "12月底前", "按时完成", "项目完成及时性", "项目完成及时性（2）", "及时",
        "及时", "及时", "及时", "社会影响", "社会满意度持续提高", "社会满意度持续提高", "信息安全", "安全", "安全",
        "社会影响（2）", "社会满意度持续提高", "社会满意度持续提高", "工作机制", "服务质量", "健全", "健全", "进一步提升",
        "进一步提升", "工作机制（2）", "健全", "健全", "社会满意度持续提高", "社会满意度持续提高", ">=98%", ">=90%",
        ">=95%", "100%", "95%", "97%", "社会影响（3）", "参训单位满意度", "培训学员满意度", "培训学员满意度（2）",
    ]
    roles = assign_roles(texts, 17)
    assert roles is not None
    names = [t for t, r in zip(texts, roles, strict=True) if r == "N"]
    assert names[10:14] == ["工作机制", "服务质量", "工作机制（2）", "社会影响（3）"]
    assert "健全" not in names


def test_an_actual_printed_out_of_row_order_pairs_with_its_own_target() -> None:
    from jixiao.importers.textdump.streams import assign_paired

    # the actuals of rows 2-3 come out in a box before row 1's (LibreOffice PDFs)
    texts = ["印发材料份数", "≥4482份", "培训考试通过率", ">=90%", "验收合格率", ">=95%", "91%", "95%", "6679份"]
    found = assign_paired(texts, 3)
    assert found is not None
    roles, pairs = found
    assert roles == ["N", "T", "N", "T", "N", "T", "A", "A", "A"]
    assert {texts[k]: texts[v] for k, v in pairs.items() if roles[k] == "T"} == {"≥4482份": "6679份", ">=90%": "91%", ">=95%": "95%"}


def test_wan_yuan_amounts_printed_column_by_column_after_the_row_labels() -> None:
    # 万元 amounts below 1,000 have no comma (224.92 —); they continue the run of amounts
    boxes = [
        "年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金",
        "3,505.53", "2,972.57", "532.96", "-", "预期目标", "2,594.09", "2,199.70", "394.39", "-",
        "1,479.41", "10", "57.03%", "1,254.49 —", "224.92 —", "-", "—", "实际完成情况", "得分", "5.70",
    ]
    cells = _funds("项目资金\n（万元）\n\n" + "\n\n".join(boxes) + "\n")
    assert [cells[f"funds.carryover.{c}"] for c in ("initial_budget", "annual_budget", "executed")] == [D("532.96"), D("394.39"), D("224.92")]
    assert [cells[f"funds.total.{c}"] for c in ("initial_budget", "annual_budget", "executed")] == [D("3505.53"), D("2594.09"), D("1479.41")]


def test_project_and_department_printed_before_their_labels() -> None:
    from jixiao.importers.textdump.sections import fill_late, read_header

    # pdfminer: the two values right after the title, their label boxes only after the
    # table has started (with other text between)
    boxes = ["财政项目支出绩效自评表", "(2024 年度)", "市财政局", "道路养护项目26", "实施单位", "市交通委员会培训中心", "三级指标", "及时", "项目名称", "主管部门", "及时"]
    lines = build_lines("\n\n".join(boxes) + "\n")[0]
    head = read_header(lines)
    fill_late(head, lines)
    got = {k: f.value for k, f in head.fields.items()}
    assert got["project_name"] == "道路养护项目26" and got["department"] == "市财政局"
    assert got["implementing_unit"] == "市交通委员会培训中心"


def test_a_page_is_read_by_columns_with_the_funds_numbers_still_unread() -> None:
    from jixiao.importers.textdump.columnar import is_columnar

    # the shape is decided before the funds are read: their 分值 10 and 得分 9.10 (one per
    # line) and the 总分 pair must not hide the table's number column
    boxes = [
        "年度资金总额", "33,913,873", "31,539,901.89", "28,688,694.76", "10", "90.96%", "得分", "9.10",
        *_HEAD, "甲", "乙", "丙", "=1264次", ">=2045场", "≥1612家", "3", "1", "3", "2", "3", "1",
        "1264次", "2689场", "0", "100", "97.19", "总分", "1",
    ]
    assert is_columnar(build_lines("\n\n".join(boxes) + "\n")[0])


def test_a_text_ending_like_an_indicator_name_is_a_name() -> None:
    from jixiao.importers.textdump.streams import assign_roles

    # a qualitative row's two long values, then the next rows' names: 满意度 / 率 / 人数 end
    # a name, not a target (values read 进一步提升, 健全, 95%)
    texts = ["管理工作", "信息化水平进一步提升", "加快推进数字化转型", "参训人员满意度", ">=95%", "招录单位满意度", ">=95%", "97%", "95%"]
    roles = assign_roles(texts, 3)
    assert roles is not None
    assert [t for t, r in zip(texts, roles, strict=True) if r == "N"] == ["管理工作", "参训人员满意度", "招录单位满意度"]


def test_pairs_printed_as_a_stretch_of_the_column_keep_its_order() -> None:
    # a stretch of pairs after a row's cells is the column (rows 1-2), not that row's own
    # pair; the last row's cells and its pair come after
    boxes = [
        *_HEAD, "甲机制", "乙机制", "丙机制", "健全", "健全", "安全", "安全", "提升", "提升", "1", "1", "3", "3", "2", "2",
        "丁满意度", ">=90%", "95%", "7", "7", "总分", "100", "90",
    ]
    rows = _rows("\n\n".join(boxes) + "\n")
    assert [(r[0], r[3]) for r in rows] == [("甲机制", "1"), ("乙机制", "3"), ("丙机制", "2"), ("丁满意度", "7")]


def test_a_chunk_of_the_score_column_printed_before_its_weights() -> None:
    # 0.23 5 1 2 1 7 are rows 1-6's 得分, then their 分值 7 5 1 2 1 7: read 得分 first only
    # because 分值 first would put 7 above 0.23
    got = _cut("0.23 5 1 2 1 7 7 5 1 2 1 7 27 27", total=False)
    assert got == [("7", "0.23"), ("5", "5"), ("1", "1"), ("2", "2"), ("1", "1"), ("7", "7"), ("27", "27")]


def test_texts_printed_right_after_the_scores_are_the_last_rows_reasons() -> None:
    # the 偏差原因 column's boxes come out after the 分值/得分 column, before the last row's
    # name (printed apart): without a full stop they are still the reasons of the rows
    # scored below their weight
    reason = "因疫情原因未能开\n展"
    boxes = [
        *_HEAD, "甲人数", "乙人数", "丙满意度", ">=800人", ">=50人", ">=90%", "0人", "0人", "93%", "0",
        "1", "0", "1", "0", "8", "8", "1", "0", reason, reason, reason, "丁满意度", ">=90%",
    ]
    units = _units("\n\n".join(boxes) + "\n")
    got = [(u.name and u.name.text, u.score and u.score.text, u.deviation and u.deviation.text) for u in units]
    assert got == [
        ("甲人数", "0", "因疫情原因未能开展"),
        ("乙人数", "0", "因疫情原因未能开展"),
        ("丙满意度", "8", None),
        ("丁满意度", "0", "因疫情原因未能开展"),
    ]


def test_a_row_printed_before_the_row_above_it_is_put_back_by_its_actuals() -> None:
    # the 质量指标 label's box group (label, rate row) comes out before the count row above
    # it; the actual column keeps row order (2838人 before 98%). Both rows score in full,
    # so the order of the 二级指标 (a count is 数量, before a rate's 质量) decides, flagged
    boxes = [
        *_HEAD, "数量指标", "检查单位家数", ">=2932家", "166家", "质量指标", "资料归档完整率", ">=95%", "服务对象人数", "=2838人",
        "年度任务完成", "12月底前", "2838人", "98%", "按时完成", "2", "14", "24", "5", "0.11", "14", "24", "5",
    ]
    rows = _rows("\n\n".join(boxes) + "\n")
    assert [r[:3] for r in rows] == [
        ("检查单位家数", ">=2932家", "166家"), ("服务对象人数", "=2838人", "2838人"), ("资料归档完整率", ">=95%", "98%"), ("年度任务完成", "12月底前", "按时完成"),
    ]
    units = _units("\n\n".join(boxes) + "\n")
    assert all(c is not None and c.conf <= 0.6 for u in units[1:3] for c in (u.name, u.target, u.actual))
    assert units[0].name is not None and units[0].name.conf > 0.6


def test_names_printed_out_of_order_go_to_the_rows_their_kind_fits() -> None:
    # names of a count row and a rate row printed in turn the wrong way round while the
    # targets and actuals keep row order: 人数 goes with =2838人, 完整率 with >=95%
    boxes = [
        *_HEAD, "检查单位家数", ">=2932家", "166家", "资料归档完整率", "服务对象人数", "年度任务完成（2）", "=2838人", ">=95%", "12月底前",
        "2838人", "98%", "按时完成", "2", "14", "24", "5", "0.11", "14", "24", "5",
    ]
    rows = _rows("\n\n".join(boxes) + "\n")
    assert [r[0] for r in rows] == ["检查单位家数", "服务对象人数", "资料归档完整率", "年度任务完成（2）"]
    assert [r[1] for r in rows] == [">=2932家", "=2838人", ">=95%", "12月底前"]


def test_a_number_chunk_that_reads_two_ways_alike_is_flagged() -> None:
    # 3 3 2 2 3 3 2 2: four rows 3 3 2 2 printed 分值 then 得分, or four pairs 3 2 3 2 —
    # every row in full either way, so the 分值 read are given a low confidence
    quals = ["甲机制", "健全", "健全", "乙安全", "安全", "安全", "丙机制", "完善", "完善", "丁安全", "可靠", "可靠"]
    boxes = [*_HEAD, *quals, "3", "3", "2", "2", "3", "3", "2", "2"]
    units = _units("\n\n".join(boxes) + "\n")
    assert [u.weight.text for u in units if u.weight] == ["3", "3", "2", "2"]
    assert all(u.weight is not None and u.weight.conf <= 0.6 for u in units)
    # 1 1 2 1 1 1 2 1 as pairs would score two rows below their weight: one reading only
    boxes = [*_HEAD, *quals, "1", "1", "2", "1", "1", "1", "2", "1"]
    units = _units("\n\n".join(boxes) + "\n")
    assert [u.weight.text for u in units if u.weight] == ["1", "1", "2", "1"]
    assert all(u.weight is not None and u.weight.conf > 0.6 for u in units)


def test_the_next_rows_name_printed_before_the_row_above_s_cells() -> None:
    from jixiao.importers.textdump.rows import read_page
    from jixiao.importers.textdump.tokens import join_value_lines

    # 信息安全, then (after a label) 社会影响 — the next row's name box — then the first
    # row's target, actual and pair, then the second row's cells with no name of their own
    first = "安全，按计划开展培\n训、调研和宣传工作\n，提升服务水平。"
    second = "社会满意度持续提高\n，推进信息化建设，\n保障系统安全稳定运\n行。"
    boxes = [*_HEAD, "效益指标", "信息安全", "可持续影响指标", "社会影响", first, first, "3", "3", second, second, "12", "12", "信息安全（2）", "安全", "安全", "2", "2"]
    page = join_value_lines(build_lines("\n\n".join(boxes) + "\n")[0])
    units = read_page(page, inline=True).units
    assert [u.name.text if u.name else None for u in units] == ["信息安全", "社会影响", "信息安全（2）"]
    assert units[1].target is not None and units[1].target.text.startswith("社会满意度持续提高")
    assert units[1].name is not None and units[1].name.conf <= 0.75


def test_a_numbered_name_printed_before_the_row_above_s_cells() -> None:
    from jixiao.importers.textdump.rows import read_page
    from jixiao.importers.textdump.tokens import join_value_lines

    # the same with a name numbered 工作机制（2） (a figure in a bracketed note is no value)
    # and a second row whose two cells come out alike
    first = "健全，按计划开展培\n训、调研和宣传工作\n，提升服务水平。"
    second = "稳定，贯彻落实年度\n工作部署，完成各项\n任务。并推进信息化\n建设，保障系统安全\n稳定运行。"
    boxes = [*_HEAD, "效益指标", "工作机制（2）", "可持续影响指标", "人才队伍建设", first, first, "2", "2", second, second, "1", "1"]
    units = read_page(join_value_lines(build_lines("\n\n".join(boxes) + "\n")[0]), inline=True).units
    assert [u.name.text if u.name else None for u in units] == ["工作机制（2）", "人才队伍建设"]
    assert units[1].target is not None and units[1].target.text.startswith("稳定，贯彻落实年度")


def test_three_names_printed_ahead_of_their_rows() -> None:
    from jixiao.importers.textdump.rows import read_page
    from jixiao.importers.textdump.tokens import join_value_lines

    # the row above scored in full; three names, then the first row's cells and pair, the
    # second's and the third's with no names of their own: one name each, in turn
    a = "安全，推进信息化建\n设，保障系统安全稳\n定运行。"
    b = "社会满意度持续提高\n，按计划开展培训、\n调研和宣传工作。"
    c = "有效提高，加强项目\n资金管理，提高资金\n使用效益。"
    boxes = [*_HEAD, "服务质量", "进一步提升", "进一步提升", "1", "1", "信息安全", "社会影响", "工作效率", a, a, "1", "1", b, b, "1", "1", c, c, "4", "4"]
    units = read_page(join_value_lines(build_lines("\n\n".join(boxes) + "\n")[0]), inline=True).units
    assert [u.name.text if u.name else None for u in units] == ["服务质量", "信息安全", "社会影响", "工作效率"]
    assert units[0].deviation is None
    assert [u.target.text[:4] if u.target else None for u in units[1:]] == ["安全，推", "社会满意", "有效提高"]
