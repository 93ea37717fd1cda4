"""Wrapped 二级指标 labels that ran into a name in pdftotext -layout output."""

from __future__ import annotations

import pytest

from jixiao.importers.textdump.labelclean import split_label


@pytest.mark.parametrize(
    ("printed", "name", "label"),
    [
        ("社会效益指社会影响标", "社会影响", "社会效益指标"),
        ("信息安全（5）可持续影响指标", "信息安全（5）", "可持续影响指标"),
        ("服务对象满服务对象满意度意度指标", "服务对象满意度", "服务对象满意度指标"),
        ("指标信息安全（2）", "信息安全（2）", None),
    ],
)
def test_label_parts_are_cut_off(printed: str, name: str, label: str | None) -> None:
    assert split_label(printed) == (name, label)


@pytest.mark.parametrize("name", ["服务对象满意度", "标准化建设完成率", "指标完成率", "质量达标率", "社会影响"])
def test_plain_names_are_kept(name: str) -> None:
    assert split_label(name) == (name, None)
