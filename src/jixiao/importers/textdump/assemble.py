"""Numeric column assignment: put names, target/actual pairs and 分值/得分 together.

Per page the rows are the 分值/得分 *slots* in printed order. Whatever a slot misses is
taken from the page's loose cells by a minimum-cost assignment (match.py): first the
target/actual pairs printed apart find their names, then names (or whole name+value
rows, when the 分值/得分 column came out as one block) find their slots. Slots are cut
into 二级指标 groups by :func:`levels.partition` before the names are placed, so that a
name printed under one label may still land in the group the arithmetic asks for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump import match as mt
from jixiao.importers.textdump.levels import PageGroups, SlotInfo, level1_of, partition
from jixiao.importers.textdump.rows import Cell, PageRows, Unit
from jixiao.importers.textdump.topics import topic


@dataclass
class Assembled:
    rows: list[Unit] = field(default_factory=list)
    level_margin: float = 0.0
    unassigned: list[Cell] = field(default_factory=list)
    ambiguous: list[tuple[int, str]] = field(default_factory=list)
    """(row index, field) pairs read from a choice between equally good readings."""


def _dec(cell: Cell | None) -> Decimal | None:
    try:
        return Decimal(cell.text) if cell else None
    except ArithmeticError:
        return None


def _text(cell: Cell | None) -> str | None:
    """The printed text of a cell that may be missing."""
    return cell.text if cell is not None else None


def _name_group(u: Unit) -> str | None:
    return u.level2 or u.marker_before


def _fill_halves(pr: PageRows) -> None:
    """A lone value printed apart (``1份``) completes the row that lacks exactly that cell."""
    keep: list[Unit] = []
    for o in pr.orphan_ta:
        if o.target is None and o.actual is not None:
            want = [u for u in pr.units if u.actual is None and u.target is not None]
            if want:
                u = min(want, key=lambda x: abs(x.order - o.order))
                u.actual = o.actual
                u.actual.conf = min(u.actual.conf, 0.7)
                continue
        keep.append(o)
    pr.orphan_ta = keep


def _lone_targets(pr: PageRows) -> None:
    """A comparison printed alone (=1643人, >=90%) is a target, never a name: it completes
    the one row on the page that has its actual but lacks its target."""
    want = [u for u in pr.units if u.target is None and u.actual is not None and u.has_ws]
    lone = [u for u in pr.pool_names if u.name is not None and u.name.text[:1] in "<>=≥≤＜＞＝" and lx.is_value(u.name.text)]
    if len(want) == 1 and len(lone) == 1:
        cell = lone[0].name
        assert cell is not None
        want[0].target = Cell(cell.text, cell.line, cell.page, min(cell.conf, 0.7))
        pr.pool_names.remove(lone[0])


def _pair_orphans(pr: PageRows, out: Assembled) -> None:
    """Target/actual pairs printed apart from their names (names lacking values)."""
    _fill_halves(pr)
    names = [u for u in pr.pool_names]
    if not pr.orphan_ta:
        return
    if not names:
        out.unassigned.extend(c for o in pr.orphan_ta for c in (o.target, o.actual) if c)
        return
    cost = []
    for o in pr.orphan_ta:
        vk = mt.value_kind(_text(o.target), _text(o.actual))
        row = []
        for u in names:
            c = mt.kind_cost(mt.name_kind(u.name.text if u.name else None), vk)
            g = _name_group(u)
            if g and vk:
                c += 0.0 if lx.AFFINITY.get(g, {}).get(vk, 0) >= 0.5 else 0.3
            if vk == "deadline" and g != "时效指标":
                c += 0.6
            row.append(c + 0.01 * abs(names.index(u) - pr.orphan_ta.index(o)))
        cost.append(row)
    picks = mt.assign(cost)
    for o, j in zip(pr.orphan_ta, picks, strict=True):
        if j < 0:
            out.unassigned.extend(c for c in (o.target, o.actual) if c)
            continue
        u = names[j]
        u.target, u.actual = o.target, o.actual
        if u.target:
            u.target.conf = min(u.target.conf, 0.7)
        if u.actual:
            u.actual.conf = min(u.actual.conf, 0.7)
    pr.units.extend(u for u in names if u.has_ta)
    pr.units.sort(key=lambda u: u.order)
    pr.pool_names = [u for u in names if not u.has_ta]


def assemble(pages: list[PageRows], exec_weight: Decimal | None) -> Assembled:
    out = Assembled()
    slots: list[Unit] = []
    items_by_page: dict[int, list[Unit]] = {}
    groups: list[PageGroups] = []
    prev_last: str | None = None
    for pr in pages:
        _lone_targets(pr)
        if pr.bulk_ws or pr.orphan_ta:
            _pair_orphans(pr, out)
        ws_units = [u for u in pr.units if u.has_ws]
        if pr.bulk_ws:
            page_slots = sorted(pr.bulk_ws + ws_units, key=lambda u: u.order)
            items = [u for u in pr.units if not u.has_ws] + pr.pool_names
        elif ws_units:
            page_slots = ws_units
            items = pr.pool_names + [u for u in pr.units if not u.has_ws]
        else:
            page_slots = list(pr.units)
            items = pr.pool_names
        slots.extend(page_slots)
        items_by_page[pr.page] = items
        groups.append(_page_groups(pr, page_slots, items))
    infos = [
        SlotInfo(
            u.page, _dec(u.weight) or Decimal(0), mt.value_kind(_text(u.target), _text(u.actual)), u.level2, float(u.order),
            topic(_text(u.name), _text(u.target)),
        )
        for u in slots
    ]
    _assume_missing_groups(groups)
    _carry_groups(groups)
    l2s, margin = partition(infos, groups, exec_weight)
    out.level_margin = margin
    for u, l2 in zip(slots, l2s, strict=True):
        if l2:
            u.level2 = l2
            u.level1 = level1_of(l2)
    for pr in pages:
        page_slots = [u for u in slots if u.page == pr.page]
        first_group = page_slots[0].level2 if page_slots else None
        _place(page_slots, items_by_page.get(pr.page, []), continues=first_group is not None and first_group == prev_last, out=out, offset=slots.index(page_slots[0]) if page_slots else 0)
        if page_slots:
            prev_last = page_slots[-1].level2
    out.rows = slots
    _late_deviations(slots, out)
    return out


def _late_deviations(slots: list[Unit], out: Assembled) -> None:
    """Sentences left over (偏差原因 printed away from their rows) go, in printed order, to
    the rows scored below their weight that have no reason yet."""
    sentences = [c for c in out.unassigned if c.text.endswith(("。", "；", ";")) and len(c.text) >= 6]
    partial = [u for u in slots if u.deviation is None and _dec(u.score) is not None and _dec(u.score) < (_dec(u.weight) or Decimal(0))]  # type: ignore[operator]
    for c, u in zip(sorted(sentences, key=lambda c: (c.page, c.line)), partial, strict=False):
        u.deviation = Cell(c.text, c.line, c.page, min(c.conf, 0.6))
        out.unassigned.remove(c)


def _page_groups(pr: PageRows, page_slots: list[Unit], items: list[Unit]) -> PageGroups:
    labels = {lab for _, sub, lab in pr.markers if sub == "l2"} | {u.level2 for u in pr.units if u.level2}
    counts: dict[str, int] = {}
    strong: dict[str, int] = {}
    fixed: dict[str, int] = {}
    for u in [*page_slots, *items]:
        if u.level2:
            fixed[u.level2] = fixed.get(u.level2, 0) + 1
            strong[u.level2] = strong.get(u.level2, 0) + 1
    for u in items:
        g = _name_group(u)
        if g:
            counts[g] = counts.get(g, 0) + 1
        vk = mt.value_kind(_text(u.target), _text(u.actual))
        if vk == "deadline" and "时效指标" in labels and u.level2 is None:
            strong["时效指标"] = strong.get("时效指标", 0) + 1
    fixed_only = {g for g in fixed if counts.get(g, 0) <= fixed[g]}
    for g, c in fixed.items():
        counts[g] = max(counts.get(g, 0), c)
    ordered = [lab for lab in lx.LEVEL2_ORDER if lab in labels]
    positions = {lab: line for line, sub, lab in pr.markers if sub == "l2"} if pr.positional else {}
    return PageGroups(pr.page, ordered, counts if items else {}, strong, fixed_only, positions=positions)


def _carry_groups(groups: list[PageGroups]) -> None:
    """A merged 二级 cell cut by a page break prints its label on one page only, so on a
    page whose labels have positions the rows above its first label may still be the
    previous page's last group, and the rows below its last label the next page's first.
    Both are offered as optional groups; the labels' positions and the weights decide."""
    printed = [list(pg.labels) for pg in groups]
    for i, pg in enumerate(groups):
        if not pg.positions or pg.assumed:
            continue
        if i > 0 and printed[i - 1] and not groups[i - 1].assumed and printed[i - 1][-1] not in pg.labels:
            pg.labels.insert(0, printed[i - 1][-1])
            pg.carried.add(printed[i - 1][-1])
        if i + 1 < len(groups) and printed[i + 1] and not groups[i + 1].assumed and printed[i + 1][0] not in pg.labels:
            pg.labels.append(printed[i + 1][0])
            pg.carried.add(printed[i + 1][0])


def _assume_missing_groups(groups: list[PageGroups]) -> None:
    """A page that printed no 二级指标 label may hold any group (labels lost in the dump)."""
    seen = [lab for pg in groups for lab in pg.labels]
    pool = [lab for lab in lx.LEVEL2_ORDER if lab in seen] or ["数量指标", "质量指标", "时效指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"]
    for pg in groups:
        if not pg.labels:
            pg.labels = list(pool)
            pg.assumed = True


def _place(page_slots: list[Unit], items: list[Unit], *, continues: bool, out: Assembled, offset: int) -> None:
    """Give slots the names (and values) they miss from the page's loose items."""
    need = [s for s in page_slots if s.name is None]
    if not need or not items:
        for it in items:
            if it.name:
                out.unassigned.append(it.name)
        return
    first_marker = min((i for i, it in enumerate(items) if it.marker_before), default=len(items))
    ranks: list[float] = []
    n = len(page_slots)
    for i, it in enumerate(items):
        if it.marker_before is None and it.level2 is None and i < first_marker and not it.has_ta:
            ranks.append(-1.0 if continues else n + i)  # names printed before every label
        else:
            ranks.append(float(i))
    order = sorted(range(len(items)), key=lambda i: (ranks[i], i))
    rank_of = {i: r for r, i in enumerate(order)}
    cost: list[list[float]] = []
    for i, it in enumerate(items):
        g = _name_group(it)
        nk = mt.name_kind(it.name.text if it.name else None)
        vk_item = mt.value_kind(_text(it.target), _text(it.actual))
        ratio = mt.achievement(_text(it.target), _text(it.actual))
        row = []
        for s in need:
            c = 0.0
            if it.level2 and s.level2 and it.level2 != s.level2:
                c += 10
            elif g is None:
                c += 0.3
            elif s.level2 and g != s.level2:
                c += 0.5
            if s.has_ta:
                c += mt.kind_cost(nk, mt.value_kind(_text(s.target), _text(s.actual)))
            elif vk_item and s.level2:
                c += 0.0 if lx.AFFINITY.get(s.level2, {}).get(vk_item, 0) >= 0.5 else 0.3
            if not s.has_ta:
                c += mt.score_cost(_dec(s.weight), _dec(s.score), ratio, it.deviation is not None)
            c += 0.002 * (rank_of[i] - page_slots.index(s)) ** 2
            row.append(c)
        cost.append(row)
    picks = mt.assign(cost)
    for i, j in enumerate(picks):
        it = items[i]
        if j < 0:
            for cell in (it.name, it.target, it.actual):
                if cell:
                    out.unassigned.append(cell)
            continue
        s = need[j]
        s.name = it.name
        for f in ("target", "actual", "deviation"):
            if getattr(s, f) is None and getattr(it, f) is not None:
                setattr(s, f, getattr(it, f))
        alternatives = sorted(cost[i])
        if len(alternatives) > 1 and alternatives[1] - alternatives[0] < 0.05:
            out.ambiguous.append((offset + page_slots.index(s), "name"))
