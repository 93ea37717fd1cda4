"""pdfminer dumps whose number column comes out in bands broken up by text boxes."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.importers.textdump.parser import parse_text

# one form on one page (LibreOffice PDF, pdfminer): the first rows' names and targets
# interleave, the 分值/得分 column comes out as 16 10 4 1 12 7 16 10 4 1 12 7, then 10 10
# after a row's text, then 5 2 13 10 5 2 13 10 after the header labels printed late
_PAGE = [
    "财政项目支出绩效自评表", "(2022 年度)", "社区养老服务项目7", "市生态环境局", "实施单位", "区文化旅游局第一分局",
    "年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
    "年度资金总额", "61,370,995", "61,370,995", "25,567,156.52", "10", "41.66%", "得分", "4.17",
    "其中：当年财政拨款", "20,331,190", "20,331,190.00", "8,469,973.75 —", "上年结转资金", "其他资金",
    "41,039,805", "41,039,805.00", "17,097,182.77 —", "-", "预期目标", "-", "-", "—", "实际完成情况",
    "1、加强项目资金管理。", "1、已加强项目资金管理。",
    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进\n措施",
    "数量指标", "质量指标", "印发材料份数", ">=4517份", "系统可用率", "自评完成时间", ">=90%", "3月底前",
    "平均响应时间", "<=120分钟", "4605份", "93%", "按期完成", "62分钟", "时效指标", "平均响应时间（2）",
    "<=30分钟", "14分钟", "产出指标", "自评完成时间（2）", "3月底前", "按期完成",
    "16", "10", "4", "1", "12", "7", "16", "10", "4", "1", "12", "7",
    "社会效益指标", "工作效率", "有效提高", "有效提高", "10", "10",
    "项目名称", "主管部门", "项目资金（元\n）", "年\n度\n总\n体\n目\n标", "绩\n效\n指\n标",
    "效益指标", "可持续影响指标", "长效管理机制", "建立并有效运行", "建立并有效运行", "信息安全", "人才队伍建设",
    "安全", "稳定", "5", "2", "13", "10", "5", "2", "13", "10", "安全", "稳定", "100%",
    "满意度指标", "服务对象满意度\n指标", "培训学员满意度", ">=98%", "总分", "100", "94.17", " 第 7 页 / 共 51 页",
]


def test_a_number_column_broken_into_bands_is_read_by_columns() -> None:
    # read as 分值/得分 pairs (16 10, 4 1 …) the weights add up to 110; cut into bands
    # w1..wk s1..sk they add up to 90: the page is read by columns, every row in place
    form = parse_text("\n\n".join(_PAGE) + "\n\n\f").forms[0]
    got = [(i.name, i.target, i.actual, i.weight, i.score) for i in form.indicators]
    assert got[:3] == [
        ("印发材料份数", ">=4517份", "4605份", D(16), D(16)),
        ("系统可用率", ">=90%", "93%", D(10), D(10)),
        ("自评完成时间", "3月底前", "按期完成", D(4), D(4)),
    ]
    assert [i.name for i in form.indicators][5:] == ["自评完成时间（2）", "工作效率", "长效管理机制", "信息安全", "人才队伍建设", "培训学员满意度"]
    assert [i.weight for i in form.indicators] == [D(x) for x in (16, 10, 4, 1, 12, 7, 10, 5, 2, 13, 10)]
    assert [i.actual for i in form.indicators][-4:] == ["建立并有效运行", "安全", "稳定", "100%"]
