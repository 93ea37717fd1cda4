"""HTML pages: the project's own HTML export and a hand-written web table."""

from __future__ import annotations

from decimal import Decimal

from jixiao.exporters import export_forms
from jixiao.importers import import_bytes
from jixiao.synth import generate_forms


def test_exported_html_round_trip(gold):
    forms = [*gold, *generate_forms(6, seed=21)]
    result = import_bytes(export_forms(forms, "html"), "forms.html")
    assert result.format == "html"
    assert result.issues == []
    assert result.forms == forms


PAGE = """<!DOCTYPE html><html><head><meta charset="gb18030"><title>公开</title>
<style>td {{ border: 1px solid }}</style><script>var x = "<td>项目名称</td>";</script></head>
<body><h2>2021年度财政项目支出绩效自评表</h2><p>单位：万元</p>
<table>
<tr><td>项目名称</td><td colspan="5">城市绿化养护&amp;管理</td></tr>
<tr><td>主管部门</td><td colspan="2">市绿化局</td><td>实施单位</td><td colspan="2">市绿化中心</td></tr>
<tr><td rowspan="3">项目资金</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>执行率</td></tr>
<tr><td>年度资金总额</td><td>1,200.50</td><td>1,100</td><td>1,045</td><td>95%</td></tr>
<tr><td>其中：财政拨款</td><td>1,200.50</td><td>1,100</td><td>1,045</td><td></td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>得分</td></tr>
<tr><td rowspan="2">产出指标</td><td rowspan="2">数量指标</td><td>养护面积</td><td>&ge;300公顷</td><td>310<br>公顷</td><td>40</td></tr>
<tr><td>补植株数</td><td>&ge;5000株</td><td>4800株</td><td>38.4</td></tr>
<tr><td colspan="5">总分</td><td>{total}</td></tr>
</table></body></html>"""


def test_web_table_with_spans_in_gb18030():
    data = PAGE.format(total="88.4").encode("gb18030")
    result = import_bytes(data, "page.htm")
    [form] = result.forms
    assert (form.year, form.amount_unit, form.project_name) == (2021, "万元", "城市绿化养护&管理")
    assert form.funds.total.initial_budget == Decimal("1200.50")
    assert form.execution.rate_percent == 95
    assert form.funds.fiscal.executed == 1045
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.score) for i in form.indicators] == [
        ("产出指标", "数量指标", "养护面积", "≥300公顷", "310公顷", 40),
        ("产出指标", "数量指标", "补植株数", "≥5000株", "4800株", Decimal("38.4")),
    ]
    assert form.total_score == Decimal("88.4")
    assert form.source_of("indicators[1].name").cell == "T1!R8C3"
    missing = {i.location.field for i in result.issues if i.code == "import-field-missing"}
    assert {"goals", "funds.carryover", "indicators[].weight"} <= missing
