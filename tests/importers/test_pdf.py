"""Native PDF import: the ruled grid, merged cells, missing borders, stray words."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from jixiao.importers import import_bytes, import_path
from jixiao.importers.mapper import map_rows
from jixiao.importers.pdfgrid import build_grid
from tests.importers import minipdf
from tests.importers.conftest import sample


def test_rendered_pdf_gives_the_gold(gold):
    result = import_path(sample("shanghai-2022-part1.rendered.pdf"))
    assert result.format == "pdf"
    assert result.issues == []
    assert result.forms == gold
    # form 1 runs over two pages: its later rows come from page 2
    form = result.forms[0]
    assert form.source_of("indicators[0].name").page == 1
    assert form.source_of(f"indicators[{len(form.indicators) - 1}].name").page == 2
    assert result.forms[1].source_of("project_name").page == 3


def _line(x0, top, x1, bottom):
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom}


def _chars(x, top, text, size=10.0):
    return [
        {"text": ch, "x0": x + k * size, "x1": x + (k + 1) * size, "top": top, "bottom": top + size, "size": size}
        for k, ch in enumerate(text)
    ]


def _page(lines, chars):
    return SimpleNamespace(lines=lines, rects=[], curves=[], chars=chars)


def _indicator_page(*, missing_outer_border: bool):
    """Header + two indicator rows; 产出指标/数量指标 merged over both rows.

    Columns at x = 0, 60, 120, 200, 260, 300, 340. With ``missing_outer_border`` the
    left border of the merged 产出指标 cell is not drawn for the data rows.
    """
    xs = [0, 60, 120, 200, 260, 300, 340]
    ys = [0, 20, 40, 60]
    lines = [_line(0, y, 340, y) for y in (0, 20, 60)]
    # between the two data rows only columns 3.. have a border (1st/2nd are merged)
    lines.append(_line(120, 40, 340, 40))
    for x in xs:
        if missing_outer_border and x == 0:
            lines.append(_line(0, 0, 0, 20))
            continue
        lines.append(_line(x, 0, x, 60))
    chars = []
    for x, label in zip(xs, ("一级指标", "二级指标", "三级指标", "指标值", "分值", "得分"), strict=False):
        chars += _chars(x + 2, 5, label, size=8)
    chars += _chars(2, 35, "产出指标", size=8)
    chars += _chars(62, 35, "数量指标", size=8)
    chars += _chars(122, 25, "培训人次", size=8) + _chars(202, 25, "100人", size=8)
    chars += _chars(262, 25, "5", size=8) + _chars(302, 25, "5", size=8)
    chars += _chars(122, 45, "出勤率", size=8) + _chars(202, 45, ">=90%", size=8)
    chars += _chars(262, 45, "5", size=8) + _chars(302, 45, "4.5", size=8)
    return _page(lines, chars), ys


def test_grid_merges_cells_without_borders():
    page, _ys = _indicator_page(missing_outer_border=False)
    grid = build_grid(page, 1)
    assert grid is not None and not grid.outside
    _header, second, third = grid.rows
    # the merged 产出指标 cell is the same object in both data rows
    assert second.cells[0] is third.cells[0]
    assert second.cells[0].text == "产出指标"
    [form], _issues = map_rows(grid.rows, "t.pdf")
    assert [(i.level1, i.level2, i.name, i.target, i.weight, i.score) for i in form.indicators] == [
        ("产出指标", "数量指标", "培训人次", "100人", 5, 5),
        ("产出指标", "数量指标", "出勤率", ">=90%", 5, Decimal("4.5")),
    ]


def test_merged_cell_with_a_missing_outer_border():
    page, _ys = _indicator_page(missing_outer_border=True)
    grid = build_grid(page, 1)
    second, third = grid.rows[1], grid.rows[2]
    assert second.cells[0] is third.cells[0]
    assert second.cells[0].text == "产出指标"
    assert not grid.outside


def test_words_in_no_cell_are_reported_with_page_and_position():
    data = minipdf.build([minipdf.table_page(beside="NOTE 42")])
    result = import_bytes(data, "beside.pdf")
    [issue] = [i for i in result.issues if i.code == "import-word-outside-cell"]
    assert issue.location.file == "beside.pdf" and issue.location.page == 1
    assert "NOTE 42" in issue.message() and "page 1" in issue.message("en")
    assert issue.params["text"] == "NOTE 42"


def test_exported_pdf_round_trip():
    from jixiao.exporters import export_forms, pdf_issues
    from jixiao.synth import generate_forms

    if pdf_issues():
        import pytest

        pytest.skip("PDF export unavailable here")
    forms = list(generate_forms(3, seed=11))
    result = import_bytes(export_forms(forms, "pdf"), "gen.pdf")
    assert result.forms == forms


def _table(top: float, rows: list[list[str]], xs=(0, 80, 160, 220, 280)):
    lines, chars = [], []
    h = 20
    for i in range(len(rows) + 1):
        lines.append(_line(xs[0], top + i * h, xs[-1], top + i * h))
    for x in xs:
        lines.append(_line(x, top, x, top + len(rows) * h))
    for i, row in enumerate(rows):
        for x, text in zip(xs, row, strict=False):
            if text:
                chars += _chars(x + 2, top + i * h + 5, text, size=8)
    return lines, chars


def test_two_forms_on_one_page_split_at_the_title_between_them():
    head = ["三级指标", "指标值", "分值", "得分"]
    l1, c1 = _table(0, [["项目名称", "甲项目"], head, ["培训人次", "100人", "60", "60"], ["总分", "", "100", "98"]])
    l2, c2 = _table(140, [["项目名称", "乙项目"], head, ["出勤率", ">=90%", "40", "35"], ["总分", "", "100", "93"]])
    title = _chars(20, 105, "财政项目支出绩效自评表（2024年度）", size=8)
    grid = build_grid(_page(l1 + l2, c1 + c2 + title), 1)
    forms, _issues = map_rows(grid.rows, "two.pdf")
    assert [(f.project_name, f.year, [i.name for i in f.indicators], f.total_score) for f in forms] == [
        ("甲项目", None, ["培训人次"], 98),
        ("乙项目", 2024, ["出勤率"], 93),
    ]


def test_a_row_broken_across_pages_is_joined():
    head = ["三级指标", "指标值", "分值", "得分"]
    l1, c1 = _table(0, [head, ["培训人次", "100人", "5", "5"], ["各类培训", ">=", "", ""]])
    l2, c2 = _table(0, [["出勤率", "90%", "5", "4.5"], ["满意度", ">=90%", "5", "5"]])
    rows = build_grid(_page(l1, c1), 1).rows + build_grid(_page(l2, c2), 2).rows
    [form], _issues = map_rows(rows, "split.pdf")
    assert [(i.name, i.target, i.weight, i.score) for i in form.indicators] == [
        ("培训人次", "100人", 5, 5),
        ("各类培训出勤率", ">=90%", 5, Decimal("4.5")),
        ("满意度", ">=90%", 5, 5),
    ]
    assert form.source_of("indicators[1].name").confidence < Decimal("0.9")  # flagged for review
    assert form.source_of("indicators[1].name").page == 2
