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
