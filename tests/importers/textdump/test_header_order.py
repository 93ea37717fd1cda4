"""项目名称 / 主管部门 values printed apart from their labels, in either order."""

from __future__ import annotations

from jixiao.importers.textdump.sections import Found, Header, _unswap


def _header(project: str, department: str) -> Header:
    return Header(fields={"project_name": Found(project, 5, 1, 0.8), "department": Found(department, 6, 1, 0.8)})


def test_an_organisation_read_as_the_project_is_swapped_back() -> None:
    head = _header("市生态环境局", "道路养护项目9")
    _unswap(head)
    assert head.fields["project_name"].value == "道路养护项目9"
    assert head.fields["department"].value == "市生态环境局"
    assert head.fields["project_name"].confidence <= 0.6


def test_a_plausible_reading_is_kept() -> None:
    head = _header("干部教育工作经费", "中共上海市委组织部")
    _unswap(head)
    assert head.fields["project_name"].value == "干部教育工作经费"
    # both read as organisations: no evidence either way, nothing changes
    head = _header("市档案馆数字化中心", "市文化旅游局")
    _unswap(head)
    assert head.fields["project_name"].value == "市档案馆数字化中心"


def test_two_organisations_after_the_unit_label_are_department_then_unit() -> None:
    from jixiao.importers.textdump.sections import fill_late, read_header
    from jixiao.importers.textdump.tokens import build_lines

    # pdfminer: 实施单位's label, then the department's and the unit's values; 项目名称 and
    # 主管部门 labels only after the table has started, an indicator's name after them
    boxes = [
        "人才培训项目70", "实施单位", "市交通委员会", "市民政局执法总队", "年初预算数", "三级指标", "调研次数", ">=4878次",
        "项目名称", "主管部门", "项目资金（元）", "产出指标", "项目完成及时性", "信息安全",
    ]
    lines = build_lines("\n\n".join(boxes) + "\n")[0]
    head = read_header(lines)
    fill_late(head, lines)
    got = {k: f.value for k, f in head.fields.items()}
    assert got["department"] == "市交通委员会"
    assert got["implementing_unit"] == "市民政局执法总队"
