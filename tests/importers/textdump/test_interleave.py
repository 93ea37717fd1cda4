"""A row's target and actual wrapped to different heights, printed line by line in turn."""

from __future__ import annotations

from jixiao.importers.textdump.interleave import readings
from jixiao.importers.textdump.rows import read_page
from jixiao.importers.textdump.tokens import build_lines, join_value_lines

HEAD = "三级指标\n\n年度指标值\n\n实际完成值\n\n分值\n\n得分\n\n"


def _lines(text: str):  # type: ignore[no-untyped-def]
    return build_lines(text + "\f")[0]


def test_a_taller_actual_starts_above_the_line_holding_both_cells() -> None:
    # a 2-line target centred beside a 4-line actual: 完成1 / 目标1 完成2 / 目标2 / 完成3 / 完成4
    lines = _lines("加快推进公务员工作\n信息化水平进一步提 数字化转型，深入开\n升\n展公务员管理“一件\n事”改革")
    best = readings(lines)[0]
    assert (best.target, best.actual) == ("信息化水平进一步提升", "加快推进公务员工作数字化转型，深入开展公务员管理“一件事”改革")
    assert best.cost == 0 and not best.guessed


def test_strictly_alternating_lines_read_either_way_are_a_guess() -> None:
    lines = _lines("提高援派干部人才思\n持续提高对口支援工\n想政治素质和对口支\n作质效\n援业务水平")
    best = readings(lines)[0]
    assert (best.target, best.actual) == ("持续提高对口支援工作质效", "提高援派干部人才思想政治素质和对口支援业务水平")
    assert best.guessed


def test_the_value_grammar_tells_target_from_actual() -> None:
    best = readings(_lines("分别8月底及12\n按要求完成\n月底前完成"))[0]
    assert (best.target, best.actual) == ("分别8月底及12月底前完成", "按要求完成")
    assert not best.guessed


def test_the_row_reader_takes_the_lead_line_as_the_cell_not_the_name() -> None:
    body = (
        "招录工作总体目标\n\n为上海城市建设提供 为上海城市建设提供\n强有力的组织保证和 强有力的组织保证和\n人才保证\n人才保证\n\n5\n\n5\n\n"
        "公务员管理工作\n\n加快推进公务员工作\n信息化水平进一步提 数字化转型，深入开\n升\n展公务员管理“一件\n事”改革\n\n5\n\n5\n\n"
    )
    page = join_value_lines(build_lines(HEAD + body + "\f")[0])
    units = read_page(page, inline=True).units
    got = [(u.name and u.name.text, u.target and u.target.text, u.actual and u.actual.text, u.deviation) for u in units]
    assert got == [
        ("招录工作总体目标", "为上海城市建设提供强有力的组织保证和人才保证", "为上海城市建设提供强有力的组织保证和人才保证", None),
        ("公务员管理工作", "信息化水平进一步提升", "加快推进公务员工作数字化转型，深入开展公务员管理“一件事”改革", None),
    ]


def test_a_chunk_at_the_page_end_with_a_row_printed_by_heights() -> None:
    # two bare 分值/得分 pairs and the 总分, then the two names, then the first row's
    # 2-line target and 3-line actual line by line in turn, the second row's one-line
    # cells, and a 偏差原因 of some row above
    body = (
        "干部监督及综合管理等\n工作\n\n有序开展\n\n有序开展\n\n6\n\n6\n\n6\n\n6\n\n10\n\n10\n\n100\n\n95.27\n\n"
        "援派干部培训\n\n培训学员满意度\n总分\n\n提高援派干部人才思\n持续提高对口支援工\n想政治素质和对口支\n作质效\n援业务水平\n>=90%\n\n95%\n\n"
        "因疫情原因影响，\n2022年底前完成事\n业单位审计工作。\n"
    )
    page = join_value_lines(build_lines(HEAD + body + "\f")[0])
    pr = read_page(page, inline=True)
    got = [(u.name and u.name.text, u.target and u.target.text, u.actual and u.actual.text, u.weight and u.weight.text) for u in pr.units]
    assert got == [
        ("干部监督及综合管理等工作", "有序开展", "有序开展", "6"),
        ("援派干部培训", "持续提高对口支援工作质效", "提高援派干部人才思想政治素质和对口支援业务水平", "6"),
        ("培训学员满意度", ">=90%", "95%", "10"),
    ]
    assert [u.name and u.name.text for u in pr.pool_names] == ["因疫情原因影响，2022年底前完成事业单位审计工作。"]
    assert pr.total is not None and pr.total.text == "95.27"
