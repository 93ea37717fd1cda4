"""Roles of cells printed column by column: names, targets and actuals each in row order."""

from __future__ import annotations

from jixiao.importers.textdump.streams import assign_roles


def test_band_of_names_then_values() -> None:
    texts = ["服务对象人数", "会议场次", "≥234人", "≥19场", "331人", "22场"]
    assert assign_roles(texts, 2) == ["N", "N", "T", "T", "A", "A"]


def test_targets_and_actuals_interleaved_irregularly() -> None:
    texts = ["档案归档人数", "资料归档完整率", "自评完成时间", "≥1776人", "2316人", ">=98%", "3月底前", "99%", "按期完成"]
    roles = assign_roles(texts, 3)
    assert roles == ["N", "N", "N", "T", "A", "T", "T", "A", "A"]


def test_qualitative_values_printed_twice_are_not_names() -> None:
    texts = ["服务质量", "社会影响", "进一步提升", "进一步提升", "社会满意度持续提高", "社会满意度持续提高"]
    assert assign_roles(texts, 2) == ["N", "N", "T", "A", "T", "A"]


def test_a_sentence_left_over_is_not_a_name() -> None:
    texts = ["检查单位家数", "受疫情影响，部分工作延后开展。", "=839家", "26家"]
    assert assign_roles(texts, 1) == ["N", "X", "T", "A"]


def test_a_missing_cell_shortens_its_stream() -> None:
    """The last row's actual is printed on another page: the other rows still pair up."""
    texts = ["会议场次", "服务对象人数", "≥19场", "22场", "≥234人"]
    assert assign_roles(texts, 2) == ["N", "N", "T", "A", "T"]


def test_too_few_cells_for_the_rows() -> None:
    assert assign_roles(["会议场次", "≥19场"], 3) is None


def test_a_deadline_met_reads_as_either_target_or_actual() -> None:
    texts = ["事业单位审计完成", "援派干部培训完成及时性", "6月底前", "年底前完成", "分别8月底及12月底前完成", "按要求完成"]
    assert assign_roles(texts, 2) == ["N", "N", "T", "A", "T", "A"]


def _pairs(texts: list[str], rows: int) -> dict[str, str]:
    from jixiao.importers.textdump.streams import assign_paired

    found = assign_paired(texts, rows)
    assert found is not None
    roles, pairs = found
    return {f"{k}:{texts[k]}": texts[v] for k, v in pairs.items() if roles[k] == "T"}


def test_a_row_printed_whole_while_other_targets_wait_for_their_column() -> None:
    # pdfminer: rows 1-3 print name and target, their actuals come later as one column;
    # row 4 prints its target and actual together in between (社会满意度持续提高 twice):
    # that actual is row 4's, however many targets wait before it
    texts = [
        "会议场次", "=2951场", "调研次数", "≥2177次", "验收合格率", ">=90%", "社会影响", "社会满意度持续提高",
        "社会满意度持续提高", "信息安全", "安全", "2951场", "2347次", "93%", "安全",
    ]
    assert _pairs(texts, 5) == {
        "1:=2951场": "2951场", "3:≥2177次": "2347次", "5:>=90%": "93%", "7:社会满意度持续提高": "社会满意度持续提高", "10:安全": "安全",
    }


def test_a_target_and_actual_printed_one_after_the_other_pair_up() -> None:
    # 及时 / 及时 then 3月底前 / 按期完成 twice: each row's own two cells, not 及时 paired
    # across rows with a 3月底前 printed further down at the same cost
    texts = ["自评完成时间", "3月底前", "按期完成", "项目完成及时性", "及时", "及时", "自评完成时间（2）", "自评完成时间（3）", "3月底前", "按期完成", "3月底前", "按期完成"]
    assert _pairs(texts, 4) == {"1:3月底前": "按期完成", "4:及时": "及时", "8:3月底前": "按期完成", "10:3月底前": "按期完成"}


def test_a_target_column_waits_for_its_actual_column() -> None:
    # seven qualitative targets, three rate targets, then the seven actuals and the rates'
    # actuals: 安全 安全 at the end of the target column are two rows' targets, not a pair
    quals = ["安全", "健全", "安全", "健全", "安全", "安全", "安全"]
    names = [f"指标{k}" for k in range(10)]
    texts = [*names, *quals, ">=80%", "=100%", ">=85%", *quals, "82%", "100%", "90%"]
    got = _pairs(texts, 10)
    assert list(got.values()) == [*quals, "82%", "100%", "90%"]
