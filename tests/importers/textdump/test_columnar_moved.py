"""pdfminer dumps read by columns whose number column takes in a 分值 printed elsewhere."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.importers.textdump.parser import parse_text

# one form on one page (LibreOffice PDF, pdfminer): the 分值 column comes out as
# 1 4 1 37 7, then 17 at the end of its row's text, then 1 2 8 (the last rows' 分值), then
# the row 进一步完善 / 进一步完善 printed whole after the rows below it with its 12, then
# the 得分 column in row order
_PAGE = [
    "项目名称", "主管部门", "项目资金（元\n）", "年\n度\n总\n体\n目\n标", "绩\n效\n指\n标",
    "财政项目支出绩效自评表", "(2025 年度)", "信息化运维项目20", "市教育局", "实施单位", "市交通委员会服务中心",
    "年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
    "年度资金总额", "76,644,944.5", "76,644,944.5", "44,814,299.05", "10", "58.47%", "得分", "5.85",
    "其中：当年财政拨款", "49,666,980.5", "49,666,980.50", "29,040,283.50 —", "上年结转资金", "其他资金",
    "26,977,964", "26,977,964.00", "15,774,015.55 —", "-", "预期目标", "-", "-", "—", "实际完成情况",
    "1、推进信息化建设，保障系统安全稳定运行。", "1、已推进信息化建设，保障系统安全稳定运行。",
    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进\n措施",
    "服务对象人数", "调研次数", "≥1046人", "=2795次", "1381人", "2795次", "数量指标", "产出指标",
    "服务对象人数（2）", ">=149人", "181人", "质量指标", "时效指标", "验收合格率", ">=85%", "项目完成及时性", "及时",
    "86%", "及时", "1", "4", "1", "37", "7", "社会效益指标", "社会影响", "社会满意度持续提高 社会满意度持续提高 17",
    "效益指标", "可持续影响指标", "满意度指标", "服务对象满意度\n指标", "制度建设", "工作机制", "参训单位满意度", "健全",
    ">=85%", "参训单位满意度（2）", "=100%", "健全", "89%", "100%", "1", "2", "8", "进一步完善", "进一步完善", "12",
    "1", "4", "1", "37", "7", "17", "12", "1", "2", "8", "总分", "100", "95.85", " 第 3 页 / 共 49 页",
]


def test_a_weight_printed_after_its_row_goes_where_the_weights_add_up_and_takes_its_row() -> None:
    # as printed the 分值 cannot be cut to add up to 90; with the 12 printed after the row
    # 进一步完善 put after the 17 they are one chunk 1 4 1 37 7 17 12 1 2 8 and the 得分 the
    # same, and that row is the 7th
    form = parse_text("\n\n".join(_PAGE) + "\n\n\f").forms[0]
    assert [i.weight for i in form.indicators] == [D(x) for x in (1, 4, 1, 37, 7, 17, 12, 1, 2, 8)]
    assert [i.score for i in form.indicators] == [D(x) for x in (1, 4, 1, 37, 7, 17, 12, 1, 2, 8)]
    got = [(i.name, i.target, i.actual) for i in form.indicators][5:]
    assert got == [
        ("社会影响", "社会满意度持续提高", "社会满意度持续提高"),
        ("制度建设", "进一步完善", "进一步完善"),
        ("工作机制", "健全", "健全"),
        ("参训单位满意度", ">=85%", "89%"),
        ("参训单位满意度（2）", "=100%", "100%"),
    ]


# the first page of a form (LibreOffice PDF, pdfminer): the 偏差原因分析 label and the two
# reasons come out after the number column, before the last rows' names and long values
_REASONS_PAGE = [
    "财政项目支出绩效自评表", "(2022 年度)", "执法装备购置项目5", "市交通委员会", "实施单位", "市卫生健康委员会信息中心", "年初预算数", "全年预算数", "全年执行数", "分值",
    "执行率", "年度资金总额", "43,220,640", "44,085,052.80", "27,429,719.85", "10", "62.22%", "得分", "6.22", "其中：当年财政拨款",
    "43,220,640", "44,085,052.80", "27,429,719.85 —", "上年结转资金", "其他资金", "-", "-", "预期目标", "-", "-", "-", "-", "—",
    "—", "实际完成情况", "1、推进信息化建设，保障系统安全稳定运行。", "1、已推进信息化建设，保障系统安全稳定运行。", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
    "得分", "检查单位家数", "=2484家", "1700家", "数量指标", "产出指标", "培训人次", ">=3086人次", "2569人次", "服务对象人数", "=2893人", "印发材料份数",
    ">=4012份", "电子化页数", "=176万页", "2893人", "5967份", "176万页", "服务对象人数（2）", "=2448人", "2448人", "质量指标", "系统可用率",
    "系统可用率（2）", ">=98%", ">=95%", "100%", "95%", "时效指标", "年度任务完成", "12月底前", "按时完成", "8", "1", "1", "4", "9", "5",
    "6", "7", "9", "5.48", "0.83", "1", "4", "9", "5", "6", "7", "9", "偏差原因分析及改进\n措施", "实际需求少于预期，\n下一年度将据实调整\n目标。",
    "实际需求少于预期，\n下一年度将据实调整\n目标。", "社会效益指标", "信息安全", "社会影响", "安全，加强项目资金\n管理，提高资金使用\n效益。并按计划开展\n培训、调研和宣传工\n作，提升服务水平。",
    "安全，加强项目资金\n管理，提高资金使用\n效益。并按计划开展\n培训、调研和宣传工\n作，提升服务水平。", "10", "10",
    "社会满意度持续提高\n，按计划开展培训、\n调研和宣传工作，提\n升服务水平。并加强\n项目资金管理，提高\n资金使用效益。",
    "社会满意度持续提高\n，按计划开展培训、\n调研和宣传工作，提\n升服务水平。并加强\n项目资金管理，提高\n资金使用效益。", "14", "14", "项目名称", "主管部门", "项目资金（元\n）",
    "年\n度\n总\n体\n目\n标", "绩\n效\n指\n标", " 第 34 页 / 共 49 页",
]


def test_reasons_printed_after_their_column_label_are_no_rows_values() -> None:
    # 实际需求少于预期 printed twice reads as well as a qualitative target met as printed as
    # 安全，… does; two rows score below their 分值, and the sentences right after the
    # label are their reasons
    form = parse_text("\n\n".join(_REASONS_PAGE) + "\n\n\f").forms[0]
    got = [(i.name, i.weight, i.score, i.deviation) for i in form.indicators]
    reason = "实际需求少于预期，下一年度将据实调整目标。"
    assert got[:3] == [("检查单位家数", D(8), D("5.48"), reason), ("培训人次", D(1), D("0.83"), reason), ("服务对象人数", D(1), D(1), None)]
    assert [(i.name, (i.target or "")[:4], i.weight) for i in form.indicators][9:] == [("信息安全", "安全，加", D(10)), ("社会影响", "社会满意", D(14))]


def test_a_chunk_of_the_number_column_does_not_run_across_a_text_printed_among_the_numbers() -> None:
    # 1 1 1 1 1 1 10 21 3 4 6 1 twice, then 1 1 after a row's text, then 3 3 after the next:
    # read as one chunk of 12 and two pairs; as a pair 1 1, a chunk of 12 whose 得分 end
    # with the 1 1 after the text, and a pair, the weights are alike in sum and in chunks
    from jixiao.importers.textdump.columnar import _segment
    from jixiao.importers.textdump.tokens import Line, Tok

    chunk = ["1", "1", "1", "1", "1", "1", "10", "21", "3", "4", "6", "1"]
    texts = [*chunk, *chunk, "1", "1", "3", "3"]
    nos = [100 + 2 * k for k in range(24)] + [160, 162, 180, 182]
    run = [Line(no, t, 1, 0, [Tok(t, "num")]) for no, t in zip(nos, texts, strict=True)]
    ws, _ = _segment(run, [D(t) for t in texts], None)
    assert [(w.no, s.no) for w, s in ws][:2] == [(100, 124), (102, 126)]
    assert [(w.no, s.no) for w, s in ws][-2:] == [(160, 162), (180, 182)]


def test_two_numbers_printed_alone_between_texts_are_one_rows_pair() -> None:
    # 15 28 3 4 15 28 3 4, then 3 3, 1 1, 3 3, 1 1 each after a row's long values: read as
    # one chunk 3 3 1 1 / 3 3 1 1 the last rows would weigh 3 3 1 1 instead of 3 1 3 1
    from jixiao.importers.textdump.columnar import _segment
    from jixiao.importers.textdump.tokens import Line, Tok

    texts = ["15", "28", "3", "4", "15", "28", "3", "4", "3", "3", "1", "1", "3", "3", "1", "1"]
    nos = [100 + 2 * k for k in range(8)] + [140, 142, 160, 162, 180, 182, 200, 202]
    run = [Line(no, t, 1, 0, [Tok(t, "num")]) for no, t in zip(nos, texts, strict=True)]
    ws, _ = _segment(run, [D(t) for t in texts], None)
    assert [(w.toks[0].text, s.toks[0].text) for w, s in ws] == [
        ("15", "15"), ("28", "28"), ("3", "3"), ("4", "4"), ("3", "3"), ("1", "1"), ("3", "3"), ("1", "1"),
    ]
    assert [(w.no, s.no) for w, s in ws][4:] == [(140, 142), (160, 162), (180, 182), (200, 202)]
