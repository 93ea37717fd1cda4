"""Column-major pages: a row whose boxes came out together after the columns around it."""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.importers.textdump.late_rows import place_late_rows
from jixiao.importers.textdump.units import Cell


def _cells(texts: list[str], start: int) -> list[Cell]:
    return [Cell(t, start + 2 * k, 1) for k, t in enumerate(texts)]


def test_a_count_row_printed_after_the_rates_goes_back_before_them() -> None:
    # >=95% >=90% >=80% 3月底前 >=225人次 262人次 … 95% 94% 82% 按期完成: the 人次 row's
    # target and actual came out together after the other rows' targets
    names = _cells(["培训人次", "系统可用率", "培训考试通过率", "资料归档完整率", "自评完成时间"], 10)
    t = _cells([">=95%", ">=90%", ">=80%", "3月底前", ">=225人次", "262人次"], 30)
    a = _cells(["95%", "94%", "82%", "按期完成"], 60)
    rows: list[tuple[Cell | None, Cell | None]] = [(t[0], a[0]), (t[1], a[1]), (t[2], a[2]), (t[4], t[5]), (t[3], a[3])]
    nums: list[tuple[D, D] | None] = [(D(5), D(5)), (D(1), D(1)), (D(1), D(1)), (D(1), D(1)), (D(31), D(31))]
    got, order, tied = place_late_rows(rows, names, nums, [False] * 5, [True] * 5)
    assert [r[0].text for r in got if r[0]] == [">=225人次", ">=95%", ">=90%", ">=80%", "3月底前"]
    assert order == [0, 1, 2, 3, 4] and not tied


def test_a_row_printed_with_its_scores_goes_between_two_chunks_of_the_number_column() -> None:
    # … 按时完成 明显提高 | 1 1 2 1 8 7 4 1 1 2 1 8 7 4 | 长期 … 87% | 4 3 … | 进一步增强
    # 进一步增强 11 11: the last row belongs where the first chunk ends, not at any place
    # among the text rows the names fit alike
    names = _cells(["自评完成时间", "公众知晓度", "群众获得感", "项目持续发挥作用", "信息安全", "参训单位满意度"], 10)
    vals = ["3月底前", "按期完成", "明显提高", "明显提高", "长期", "长期", "安全", "安全", ">=90%", "91%", "进一步增强", "进一步增强"]
    c = _cells(vals, 40)
    rows: list[tuple[Cell | None, Cell | None]] = [(c[2 * k], c[2 * k + 1]) for k in range(6)]
    nums: list[tuple[D, D] | None] = [(D(7), D(7)), (D(4), D(4)), (D(4), D(4)), (D(3), D(3)), (D(1), D(1)), (D(11), D(11))]
    carried = [False] * 5 + [True]
    starts = [True, False, True, False, False, True]  # chunks: rows 0-1, rows 2-4 (as printed), the late row
    got, order, _ = place_late_rows(rows, names, nums, carried, starts)
    assert [r[0].text for r in got if r[0]] == ["3月底前", "明显提高", "进一步增强", "长期", "安全", ">=90%"]
    assert order == [0, 1, 5, 2, 3, 4]


def test_a_row_printed_whole_is_no_evidence_against_the_actual_columns_order() -> None:
    # 平均响应时间 <=30分钟 服务质量 … 进一步提升 进一步提升 … 19分钟: the 19分钟 printed
    # after the next row's actual is that of a column chunk printed late, not a crossing;
    # both rows score in full, so nothing moves them
    from jixiao.importers.textdump.crossing import uncross

    names = [Cell("平均响应时间", 20, 1), Cell("服务质量", 24, 1)]
    rows: list[tuple[Cell | None, Cell | None]] = [(Cell("<=30分钟", 22, 1), Cell("19分钟", 40, 1)), (Cell("进一步提升", 26, 1), Cell("进一步提升", 28, 1))]
    got, got_names, guessed = uncross(rows, names, [(D(3), D(3)), (D(3), D(3))])
    assert [r[0].text for r in got if r[0]] == ["<=30分钟", "进一步提升"]
    assert [c.text for c in got_names] == ["平均响应时间", "服务质量"] and not guessed


def test_an_actual_column_printed_lower_chunk_first_is_paired_again_in_row_order() -> None:
    # targets >=635份 >=98% >=80% 3月底前 稳定 >=95% >=90% in row order; the actual column
    # came out as 稳定 99% 91% then 687份 98% 80% 按期完成
    from jixiao.importers.textdump.late_rows import unrotate_actuals

    t = _cells([">=635份", ">=98%", ">=80%", "3月底前", "稳定", ">=95%", ">=90%"], 10)
    a = _cells(["稳定", "99%", "91%", "687份", "98%", "80%", "按期完成"], 40)
    rows: list[tuple[Cell | None, Cell | None]] = list(zip(t, a, strict=True))
    nums: list[tuple[D, D] | None] = [(D(5), D(5))] * 7
    got, changed = unrotate_actuals(rows, nums)
    assert changed
    assert [r[1].text for r in got if r[1]] == ["687份", "98%", "80%", "按期完成", "稳定", "99%", "91%"]
    # actuals already in row order stay
    same, changed = unrotate_actuals(got, nums)
    assert not changed and same == got


def test_a_value_printed_as_a_target_and_as_an_earlier_actual_is_read_first_as_the_target() -> None:
    # 明显提高 稳定 >=95% >=90% then 稳定 99% 91% 明显提高: the reading took the first 稳定
    # for an actual and the second for the last target; read the other way round the
    # 稳定 row comes before the rates and the actual column is one chunk swapped
    from jixiao.importers.textdump.late_rows import unrotate_actuals

    t = [Cell(">=635份", 10, 1), Cell(">=98%", 12, 1), Cell("3月底前", 14, 1), Cell(">=95%", 20, 1), Cell(">=90%", 22, 1), Cell("稳定", 24, 1)]
    a = [Cell("稳定", 18, 1), Cell("99%", 26, 1), Cell("91%", 28, 1), Cell("687份", 30, 1), Cell("98%", 32, 1), Cell("按期完成", 34, 1)]
    rows: list[tuple[Cell | None, Cell | None]] = list(zip(t, a, strict=True))
    got, changed = unrotate_actuals(rows, [(D(5), D(5))] * 6)
    assert changed
    assert [(r[0].text, r[1].text) for r in got if r[0] and r[1]] == [
        (">=635份", "687份"), (">=98%", "98%"), ("3月底前", "按期完成"), ("稳定", "稳定"), (">=95%", "99%"), (">=90%", "91%"),
    ]
    assert got[3][0] is a[0]
