"""Every dump shape of the rendered gold forms: detected, and read field by field.

The floors asserted here are the accuracies measured when the reader was written
(see the final report in docs/DECISIONS.md); a change that lowers one fails.
"""

from __future__ import annotations

import pytest

from jixiao.importers.textdump import detect_shape, parse_text

from .accuracy import FIXTURES, compare, gold

CASES = [
    ("rendered.pdftotext-layout.txt", "pdftotext-layout", 0.995),
    ("rendered.pdftotext-plain.txt", "pdftotext-plain", 0.995),
    ("rendered.long-line.txt", "long-line", 0.97),
    ("rendered.pdfminer.txt", "pdfminer-blocks", 0.91),
]


@pytest.mark.parametrize(("name", "shape", "floor"), CASES)
def test_shape_accuracy(name: str, shape: str, floor: float) -> None:
    text = (FIXTURES / name).read_text()
    assert detect_shape(text) == shape
    res = parse_text(text, name)
    ok, total, _diffs = compare(res.forms, gold())
    print(f"{shape}: {ok}/{total} fields = {ok / total:.2%}")
    assert len(res.forms) == 4
    assert ok / total >= floor


def test_reading_order_rows_are_read() -> None:
    """Word/WPS text: one table row per line, cells separated by tabs."""
    text = "\n".join(
        [
            "财政项目支出绩效自评表",
            "(2022年度)",
            "项目名称\t示范项目",
            "主管部门\t某某局\t实施单位\t某某中心",
            "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "\t年度资金总额\t100.5\t80\t72\t10\t90%\t9",
            "\t其中：当年财政拨款\t100.5\t80\t72\t—\t—\t—",
            "\t上年结转资金\t-\t-\t-\t—\t—\t—",
            "\t其他资金\t-\t-\t-\t—\t—\t—",
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
            "产出指标\t数量指标\t培训人次\t>=100人次\t120人次\t50\t50\t",
            "效益指标\t社会效益指标\t服务水平\t提升\t提升\t30\t30\t",
            "满意度指标\t服务对象满意度指标\t满意度\t>=90%\t85%\t10\t8\t个别学员不满意",
            "总分\t\t\t\t\t100\t97\t",
        ]
    )
    assert detect_shape(text) == "reading-order"
    res = parse_text(text, "doc.txt")
    form = res.forms[0]
    assert form.project_name == "示范项目" and form.implementing_unit == "某某中心"
    assert form.amount_unit == "万元"
    assert [i.name for i in form.indicators] == ["培训人次", "服务水平", "满意度"]
    assert [i.level2 for i in form.indicators] == ["数量指标", "社会效益指标", "服务对象满意度指标"]
    assert form.indicators[2].deviation == "个别学员不满意"
    assert str(form.total_score) == "97"


def test_label_synonyms_and_units() -> None:
    """Provincial wording (主管部门及代码, 项目实施单位, 其中： 财政拨款) and a 万元 form."""
    text = "\n".join(
        [
            "财政项目支出绩效自评表",
            "（2023年度）",
            "项目名称\t乡村道路养护",
            "主管部门及代码\t某县交通局\t项目实施单位\t某县公路站",
            "单位：万元",
            "\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "年度资金总额\t120.5\t118\t100.3\t10\t85%\t8.5",
            "其中： 财政拨款\t120.5\t118\t100.3\t—\t—\t—",
            "上年结转资金\t-\t-\t-\t—\t—\t—",
            "其他资金\t-\t-\t-\t—\t—\t—",
            "一级指标\t二级指标\t三级指标\t指标值\t完成值\t权重\t得分\t未完成原因分析",
            "产出指标\t数量指标\t养护里程\t>=50公里\t52公里\t30\t30\t",
            "产出指标\t时效指标\t完成时间\t11月底前\t按期完成\t20\t20\t",
            "效益指标\t社会效益指标\t通行条件\t改善\t改善\t30\t30\t",
            "满意度指标\t服务对象满意度指标\t群众满意度\t>=90%\t92%\t10\t10\t",
            "总分\t\t\t\t\t100\t98.5\t",
        ]
    )
    form = parse_text(text, "doc.txt").forms[0]
    assert (form.department, form.implementing_unit, form.amount_unit) == ("某县交通局", "某县公路站", "万元")
    assert str(form.funds.fiscal.executed) == "100.3"
    assert str(form.funds.total.initial_budget) == "120.5"
    assert [i.name for i in form.indicators] == ["养护里程", "完成时间", "通行条件", "群众满意度"]
    assert [i.level2 for i in form.indicators] == ["数量指标", "时效指标", "社会效益指标", "服务对象满意度指标"]


def test_one_cell_per_line_without_page_breaks() -> None:
    """A table copied out of a viewer: one cell per line, no form feeds, no blank lines."""
    plain = (FIXTURES / "rendered.pdftotext-plain.txt").read_text().replace("\f", "")
    text = "\n".join(ln for ln in plain.split("\n") if ln.strip())
    assert detect_shape(text) == "reading-order"
    res = parse_text(text, "copy.txt")
    ok, total, _ = compare(res.forms, gold())
    print(f"cell per line: {ok}/{total} = {ok / total:.2%}")
    assert len(res.forms) == 4 and ok / total >= 0.9
