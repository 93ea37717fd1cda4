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
    ("rendered.pdftotext-plain.txt", "pdftotext-plain", 0.94),
    ("rendered.long-line.txt", "long-line", 0.94),
    ("rendered.pdfminer.txt", "pdfminer-blocks", 0.65),
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
