"""Plain ``pdftotext`` (no -layout): cells of a ruled table printed a little out of order."""

from __future__ import annotations

from jixiao.importers.textdump.tokens import build_lines, join_value_lines

HEAD = "三级指标\n\n年度指标值\n\n实际完成值\n\n分值\n\n得分\n\n"


def _rows(body: str) -> list[str]:
    page = build_lines(HEAD + body + "\f")[0]
    return [ln.text if len(ln.toks) == 1 else " ".join(t.text for t in ln.toks) for ln in join_value_lines(page)][5:]


def test_a_weight_printed_before_its_row_joins_its_score() -> None:
    body = "调研次数\n\n>=4116次\n\n4933次\n\n1\n\n1\n1\n\n检查单位家数\n\n>=4493家\n\n5901家\n\n1\n\n会议场次\n\n=4735场\n\n4735场\n\n18\n\n18\n"
    assert _rows(body) == ["调研次数", ">=4116次", "4933次", "1 1", "检查单位家数", ">=4493家", "5901家", "1 1", "会议场次", "=4735场", "4735场", "18 18"]


def test_a_bare_actual_before_its_pair_stays() -> None:
    # actual 0, 分值 2, 得分 0; the next row has its own pair (an even run)
    body = "培训人数\n\n>=100人\n\n0\n\n2\n\n0\n\n会议场次\n\n=5场\n\n5场\n\n3\n\n3\n"
    assert _rows(body) == ["培训人数", ">=100人", "0 2 0", "会议场次", "=5场", "5场", "3 3"]
