"""Merged-cell labels that ran into a name (pdftotext -layout, wrapped labels).

A wrapped 二级指标 label beside a name shares its lines, so the name cell may come out as
``社会效益指社会影响标`` (label head, name, label tail), ``信息安全可持续影响指标`` (label
after the name) or ``指标社会影响`` (the tail of the label above). The label parts are cut
off when what remains is a name of its own, and the label is kept as a marker so the
二级指标 grouping still sees it.
"""

from __future__ import annotations

from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.units import Cell, PageRows

LABELS = (*lx.LEVEL1, *lx.LEVEL2)


def split_label(name: str) -> tuple[str, str | None]:
    """(name without label parts, the label found or None)."""
    for lab in sorted(LABELS, key=len, reverse=True):
        if name.endswith(lab) and len(name) - len(lab) >= 2:
            return name[: -len(lab)], lab
        for k in range(2, len(lab)):
            head, tail = lab[:k], lab[k:]
            if tail and name.startswith(head) and name.endswith(tail) and len(name) - len(lab) >= 2:
                return name[len(head) : len(name) - len(tail)], lab
    if name.startswith("指标") and len(name) >= 4 and not name.startswith(("指标完成", "指标值")):
        return name[2:], None
    return name, None


def clean_names(pr: PageRows) -> None:
    for u in [*pr.units, *pr.pool_names]:
        if u.name is None:
            continue
        text, lab = split_label(u.name.text)
        if text == u.name.text:
            continue
        u.name = Cell(text, u.name.line, u.name.page, min(u.name.conf, 0.8))
        if lab is not None:
            pr.markers.append((u.order, "l1" if lab in lx.LEVEL1 else "l2", lab))
