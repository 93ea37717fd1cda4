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
