"""Indicator rows on one page: anchors, units and the pools of loose cells.

A line ending in two weight/score numbers is an *anchor* (one row, top to bottom: the
分值/得分 column fixes the row order). Words before them on the line are, from the
right, the actual, the target and the name. A line of target/actual without numbers is a
*TA line*. Text lines between anchors are cut into the cells the anchor misses (wrap.py);
text right after an anchor in the same text box is its 偏差原因 (deviation). What is left
— names printed apart, target/actual pairs printed apart, 分值/得分 printed as one column —
goes to pools that :mod:`levels` matches up with the form's arithmetic.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import cast

from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.cells import (
    _cell,
    _continues_dev,
    _extend_ta,
    _is_anchor,
    _looks_value,
    _partial,
    _split_content,
    _tok_cell,
    _ws_index,
)
from jixiao.importers.textdump.chunk import read_chunk
from jixiao.importers.textdump.interleave import lead_row
from jixiao.importers.textdump.tokens import Line, Tok
from jixiao.importers.textdump.units import Cell, PageRows, Unit
from jixiao.importers.textdump.wrap import block_cells, join, natural_cells, split_exact


def _name_like(text: str) -> bool:
    """A short text that may be an indicator's name: no figure (a bracketed note at its
    end aside, 工作机制（2）), no sentence."""
    core = re.sub(r"\s*[（(][^（()）]*[）)]$", "", text) or text
    return 2 <= lx.width(text) <= 24 and not _looks_value(core) and not text.endswith(("。", "；", ";", "，"))


_FOOTER = re.compile(r"第\d+页(?:[/／,，]?共\d+页)?")


def read_page(lines: list[Line], inline: bool = False) -> PageRows:
    pr = PageRows(page=lines[0].page if lines else 0)
    items: list[tuple[str, object, Line | None]] = []
    for ln in lines:
        if ln.used:
            if items and items[-1][0] != "gap":
                items.append(("gap", None, None))
            continue
        if _FOOTER.fullmatch(ln.text.replace(" ", "")):
            continue  # the page footer (第 3 页 / 共 25 页) is no row's cell
        content: list[Tok] = []
        has_marker = False
        for t in ln.toks:
            if t.kind == "label":
                if t.sub in ("l1", "l2"):
                    items.append(("marker", (t.sub, t.text), ln))
                    has_marker = True
                elif t.sub == "total":
                    items.append(("total", None, ln))
            elif t.kind != "year":
                content.append(t)
        if not content:
            continue
        if _is_anchor(content):
            items.append(("anchor", content, ln))
        elif len(content) == 1 and (content[0].kind == "text" or (inline and content[0].kind in ("value", "percent"))):
            items.append(("name" if has_marker and content[0].kind == "text" else "text", content, ln))
        elif all(t.kind in ("num", "dash") for t in content):
            continue
        else:
            items.append(("ta", content, ln))
    _Builder(pr, items, inline).run()
    return pr


class _Builder:
    def __init__(self, pr: PageRows, items: list[tuple[str, object, Line | None]], inline: bool = False) -> None:
        self.pr = pr
        self.items = items
        self.texts: list[Line] = []
        self.dev: list[Line] = []
        self.last: Unit | None = None
        self.last_line: Line | None = None
        self.marker: str | None = None
        self.prev_row: Unit | None = None
        self.skip_to = 0
        self.row_order = inline
        self.held: tuple[Unit, Unit] | None = None
        self.queued: list[Cell] = []
        """Names printed ahead of the rows they name (see :meth:`_names_ahead`)."""
        """A row that took the second of two names printed in turn before its cells, and
        the pooled first name (see :meth:`_names_in_turn`)."""
        lines = [ln for _, _, ln in items if ln is not None]
        # blocks tell cells apart only when some boxes hold more than one line
        self.blocks_matter = any(a.block == b.block for a, b in itertools.pairwise(lines))
        self.inline = inline or any(
            kind in ("anchor", "ta") and len(payload) - (2 if kind == "anchor" else 0) >= 3  # type: ignore[arg-type]
            for kind, payload, _ in items
        )

    def pool(self, lines: list[Line]) -> None:
        for c in block_cells(lines):
            self.pr.pool_names.append(Unit(c[0].page, c[0].no, name=_cell(c, 0.8), marker_before=self.marker))

    def flush_dev(self) -> None:
        if self.last is not None and self.dev:
            self.last.deviation = _cell(self.dev, 0.9)
        self.dev = []

    def settle_texts(self) -> None:
        """Loose text before a marker/gap/end: the last row's values, a stray TA pair, or names."""
        texts, self.texts = self.texts, []
        if not texts:
            return
        last = self.last
        if last is not None and last.name is not None and not last.has_ta and len(texts) >= 2:
            cells = split_exact(texts, 2)
            last.target, last.actual = _cell(cells[0], 0.8), _cell(cells[1], 0.8)
            return
        cells = natural_cells(texts) if len(texts) > 1 else [texts]
        if last is not None and last.has_ta and len(cells) == 2:
            a, b = join(cells[0]), join(cells[1])
            if a == b or _looks_value(a) or _looks_value(b):
                self.pr.orphan_ta.append(
                    Unit(texts[0].page, texts[0].no, target=_cell(cells[0], 0.75), actual=_cell(cells[1], 0.75), marker_before=self.marker)
                )
                return
        self.pool(texts)

    def _dev_owner(self, unit: Unit) -> Unit | None:
        """Who explains a text box printed between two rows: the row above, unless it was
        scored in full while this one was not (a centred deviation starts above its row)."""
        prev = self.prev_row
        prev_ok = prev is not None and prev.deviation is None
        if prev_ok and (prev is not None and (_partial(prev) or not _partial(unit))):
            return prev
        if unit.deviation is None and _partial(unit):
            return unit
        return prev if prev_ok else None

    def fill_from_texts(self, unit: Unit) -> None:
        texts, self.texts = self.texts, []
        if not texts:
            return
        need = (0 if unit.target else 1) + (0 if unit.actual else 1)
        if unit.actual is not None and unit.target is None:
            need = 1
        want_name = unit.name is None and (self.inline or need == 0)
        if need == 0:
            cells = natural_cells(texts)
            owner = self._dev_owner(unit) if self.row_order else None
            if owner is not None and _partial(owner) and len(cells) == 1 and len(texts) >= 2:
                cells = split_exact(texts, 2)  # the row above scored low: its reason comes first
            prev = self.prev_row
            if self.blocks_matter and prev is not None and _partial(prev) and len(block_cells(texts)) > len(cells):
                cells = block_cells(texts)
            owner = self._dev_owner(unit)
            if self.row_order and owner is not None and len(cells) > 1:
                owner.deviation = _cell([ln for c in cells[:-1] for ln in c], 0.8)
                cells = cells[-1:]
            for c in cells[:-1]:
                self.pr.pool_names.append(Unit(c[0].page, c[0].no, name=_cell(c, 0.8), marker_before=self.marker))
            if unit.name is None:
                unit.name = _cell(cells[-1], 0.85)
            else:
                self.pr.pool_names.append(Unit(cells[-1][0].page, cells[-1][0].no, name=_cell(cells[-1], 0.8), marker_before=self.marker))
            return
        if self._names_in_turn(unit, texts, need, want_name) or self._queued_name(unit, texts, need, want_name):
            want_name = False
        k = min(len(texts), need + (1 if want_name else 0))
        if self.row_order and need == 2 and len(texts) >= 4:
            # side-by-side cells come out line by line in turn: 目标1 完成1 目标2 完成2
            for n_name in (1, 0) if want_name else (0,):
                rest_lines = texts[n_name:]
                if len(rest_lines) % 2 == 0 and join(rest_lines[0::2]) == join(rest_lines[1::2]):
                    if n_name:
                        unit.name = _cell(texts[:1], 0.85)
                    unit.target, unit.actual = _cell(rest_lines[0::2], 0.85), _cell(rest_lines[1::2], 0.85)
                    return
        owner = self._dev_owner(unit)
        if self.row_order and owner is not None:
            nat = natural_cells(texts)
            if self.blocks_matter and _partial(owner) and len(block_cells(texts)) > k:
                nat = block_cells(texts)  # a row scored below its weight explains why
            if len(nat) > k and self._names_ahead(unit, owner, nat, k, need):
                return
            if len(nat) > k:
                lead = [ln for c in nat[: len(nat) - k] for ln in c]
                owner.deviation = _cell(lead, 0.75)
                texts = texts[len(lead) :]
            elif owner is unit and len(nat[0]) >= 2 and join(nat[0]).endswith(("。", "；")):
                unit.deviation = _cell(nat[0], 0.7)  # a wrapped sentence first: its reason, not its cells
                texts = texts[len(nat[0]) :]
                if not texts:
                    return
                k = min(k, len(texts))
        cells = split_exact(texts, k)
        if k > need:
            unit.name = _cell(cells[0], 0.85)
            cells = cells[1:]
        if len(cells) == 2:
            unit.target, unit.actual = _cell(cells[0], 0.9), _cell(cells[1], 0.9)
        elif len(cells) == 1:
            if unit.actual is None:
                unit.actual = _cell(cells[0], 0.85)
            else:
                unit.target = _cell(cells[0], 0.9)
        if k > need:
            self._hold_first_name(unit)

    def _names_ahead(self, unit: Unit, owner: Unit, nat: list[list[Line]], k: int, need: int) -> bool:
        """Several one-line names before a row's cells, the row above scored in full (no
        reason to give): the names of this row and the next ones, printed in turn before
        this row's cells. This row takes the first; the others wait for rows that print
        no name of their own."""
        lead = nat[: len(nat) - need]
        if k <= need or owner is unit or _partial(owner) or len(lead) < 2 or any(len(c) != 1 or not _name_like(join(c)) for c in lead):
            return False
        cells = nat[len(lead) :]
        if len(cells) != need or need not in (1, 2):
            return False
        unit.name = _cell(lead[0], 0.8)
        if need == 2:
            unit.target, unit.actual = _cell(cells[0], 0.9), _cell(cells[1], 0.9)
        elif unit.actual is None:
            unit.actual = _cell(cells[0], 0.85)
        else:
            unit.target = _cell(cells[0], 0.9)
        self.queued = [_cell(c, 0.75) for c in lead[1:]]
        return True

    def _queued_name(self, unit: Unit, texts: list[Line], need: int, want_name: bool) -> bool:
        """A row printing only its own cells takes the next name printed ahead of it."""
        queued, self.queued = self.queued, []
        if not queued or not want_name or need != 2:
            for c in queued:
                self.pr.pool_names.append(Unit(c.page, c.line, name=c, marker_before=self.marker))
            return False
        if len(natural_cells(texts)) != need and not (len(texts) % 2 == 0 and join(texts[: len(texts) // 2]) == join(texts[len(texts) // 2 :])):
            for c in queued:
                self.pr.pool_names.append(Unit(c.page, c.line, name=c, marker_before=self.marker))
            return False
        unit.name, self.queued = queued[0], queued[1:]
        return True

    def _hold_first_name(self, unit: Unit) -> None:
        """A row that took a one-line name from the text before its cells while a name-like
        line printed since the row above went to the pool: remember both for the next row."""
        if not self.row_order or unit.name is None or not self.pr.pool_names or not _name_like(unit.name.text):
            return
        first = self.pr.pool_names[-1]
        since = self.prev_row.order if self.prev_row is not None else -1
        if first.name is None or first.page != unit.page or not since < first.order < unit.name.line or not _name_like(first.name.text):
            return
        self.held = (unit, first)

    def _names_in_turn(self, unit: Unit, texts: list[Line], need: int, want_name: bool) -> bool:
        """The row above took the second of two names printed in turn before its cells; this
        row prints only its own cells (no name): the names were the two rows' in order
        (pdfminer put the next row's name box before the row above's values)."""
        held, self.held = self.held, None
        if held is None or not want_name or not self.row_order or need != 2 or not self.pr.units or self.pr.units[-1] is not held[0]:
            return False
        above, first = held
        if above.name is None or first.name is None:
            return False
        if len(natural_cells(texts)) != need and not (len(texts) % 2 == 0 and join(texts[: len(texts) // 2]) == join(texts[len(texts) // 2 :])):
            return False  # (or a target and actual printed alike)
        unit.name = Cell(above.name.text, above.name.line, above.name.page, 0.75)
        above.name = Cell(first.name.text, first.name.line, first.name.page, 0.75)
        self.pr.pool_names.remove(first)
        return True

    def _holds(self, pos: int) -> bool:
        """A page's last row read as far as its actual, then the merged labels and 总分
        printed before its 分值/得分 (pdftotext at a page end): the row stays open."""
        kind, payload, ln = self.items[pos]
        if not self.texts or ln is None or any(t.kind != "label" for t in ln.toks):
            return False
        nxt = next((it for it in self.items[pos + 1 :] if it[0] not in ("marker", "total")), None)
        if nxt is None or nxt[0] != "anchor" or len(cast(list[Tok], nxt[1])) != 2:
            return False
        if kind == "marker":
            sub, label = cast(tuple[str, str], payload)
            self.pr.markers.append((ln.no + 0.1, sub, label))
        return True

    def _chunk(self, pos: int) -> bool:
        """Two or more bare 分值/得分 pairs in a row: the rows they score printed by columns
        (chunk.py), their names and values in the text around them."""
        pairs: list[Line] = []
        j = pos
        while j < len(self.items) and self.items[j][0] == "anchor" and len(cast(list[Tok], self.items[j][1])) == 2:
            ln = self.items[j][2]
            assert ln is not None
            if Decimal(ln.toks[-2].text) == 100:
                break
            pairs.append(ln)
            j += 1
        if len(pairs) < 2:
            return False
        texts = list(self.texts)
        totals: list[Line] = []
        markers: list[tuple[str, str, Line]] = []
        while j < len(self.items):
            kind, payload, ln = self.items[j]
            if kind in ("text", "name", "ta") and ln is not None:
                texts.append(ln)
            elif kind == "marker" and ln is not None:
                sub, label = cast(tuple[str, str], payload)
                markers.append((sub, label, ln))
            elif kind == "anchor" and ln is not None and len(cast(list[Tok], payload)) == 2 and Decimal(ln.toks[-2].text) == 100:
                totals.append(ln)
            elif kind != "total":
                break
            j += 1
        got = read_chunk(texts, len(pairs), before=len(self.texts))
        if got is None:
            return False
        rows, left = got
        for (names, t, a), ws in zip(rows, pairs, strict=True):
            u = Unit(ws.page, ws.no, name=_cell(names, 0.75), target=Cell(t, ws.no, ws.page, 0.7), actual=Cell(a, ws.no, ws.page, 0.7), marker_before=self.marker)
            u.weight, u.score = _tok_cell(ws.toks[-2], ws, 0.85), _tok_cell(ws.toks[-1], ws, 0.85)
            self.pr.units.append(u)
            self.last, self.prev_row = u, u
        for sub, label, ln in markers:
            self.pr.markers.append((ln.no + 0.1, sub, label))
        for ln in totals:
            self.pr.total, self.pr.total_weight = _tok_cell(ln.toks[-1], ln), _tok_cell(ln.toks[-2], ln)
        self.texts = left
        self.skip_to = j
        return True

    def _last_reason(self) -> None:
        """Text between the table's last row and its 总分 row, the row scored below its
        weight and without a reason yet: that row's 偏差原因 (no row follows to claim it)."""
        last = self.last
        if not self.row_order or not self.texts or last is None or last.deviation is not None or not last.has_ws or not _partial(last):
            return
        if len(natural_cells(self.texts)) == 1:
            last.deviation, self.texts = _cell(self.texts, 0.75), []

    def _late_name_target(self, pos: int, content: list[Tok], ln: Line) -> bool:
        """The row just read holds only its actual and 分值/得分 (one-line cells centred in a
        taller row come out first); a line of two words next, each wrapped once on the
        lines below it, is that row's name and target side by side."""
        last = self.last
        if last is None or not last.has_ws or last.actual is None or last.name is not None or last.target is not None:
            return False
        if len(content) != 2 or any(t.kind != "text" for t in content):
            return False
        nxt = self.items[pos + 1 : pos + 3]
        if len(nxt) != 2 or any(k != "text" or x is None for k, _, x in nxt):
            return False
        tails = [x for _, _, x in nxt if x is not None]
        if any(lx.width(t.text) >= lx.width(h.text) for h, t in zip(content, tails, strict=True)):
            return False  # a wrapped cell's last line is the shorter one
        last.name = Cell(content[0].text + tails[0].text, ln.no, ln.page, 0.75)
        last.target = Cell(content[1].text + tails[1].text, ln.no, ln.page, 0.75)
        self.skip_to = pos + 3
        return True

    def _lead_lines(self, pos: int, unit: Unit, ln: Line) -> bool:
        """A line holding both cells after the name and the first lines of the taller
        cell, its other lines up to the row's 分值/得分 (interleave.py)."""
        if unit.name is not None or unit.target is None or unit.actual is None or not self.texts:
            return False
        j = pos + 1
        while j < len(self.items) and self.items[j][0] == "text":
            j += 1
        if j == len(self.items) or self.items[j][0] != "anchor" or len(cast(list[Tok], self.items[j][1])) != 2:
            return False
        prev = self.prev_row
        above = None if prev is None or prev.deviation is not None or not prev.has_ws else not _partial(prev)
        after = [x for _, _, x in self.items[pos + 1 : j] if x is not None]
        got = lead_row(self.texts, ln, after, above)
        if got is None:
            return False
        dev, name, cells = got
        if dev and prev is not None:
            prev.deviation = _cell(dev, 0.7)
        conf = 0.6 if cells.guessed else 0.75
        unit.name = _cell(name, 0.8)
        unit.target, unit.actual = Cell(cells.target, ln.no, ln.page, conf), Cell(cells.actual, ln.no, ln.page, conf)
        self.texts = []
        self.skip_to = j
        return True

    def _close_row(self, ws: Unit) -> bool:
        """Row-order dumps: a bare 分值/得分 pair ends the row just read (values printed above)."""
        u = self.last
        if u is None or u.has_ws or u not in self.pr.units:
            return False
        texts, self.texts = self.texts, []
        same = u.target is not None and u.actual is not None and u.target.line == u.actual.line and u.target.text == u.actual.text
        if same and u.name is not None and len(texts) == 1:
            # one line below a target/actual printed alike on one line: the name's wrap
            # (a one-line cell is centred in the row, between the name's two lines)
            u.name = Cell(u.name.text + join(texts), u.name.line, u.name.page, 0.8)
        elif u.target is not None and u.actual is not None and texts:
            tl, al = texts[0::2], texts[1::2]
            u.target = Cell(u.target.text + join(tl), u.target.line, u.target.page, 0.85)
            if al:
                u.actual = Cell(u.actual.text + join(al), u.actual.line, u.actual.page, 0.85)
        elif not u.has_ta and texts:
            cells = split_exact(texts, 2)
            u.target, u.actual = _cell(cells[0], 0.8), _cell(cells[1], 0.8) if len(cells) > 1 and cells[1] else None
        elif texts:
            self.texts = texts
            return False
        u.weight, u.score = ws.weight, ws.score
        return True

    def run(self) -> None:
        pr = self.pr
        for pos, (kind, payload, ln) in enumerate(self.items):
            if pos < self.skip_to:
                continue
            if kind == "text":
                assert ln is not None
                open_row = self.row_order and self.last is not None and not self.last.has_ws
                if self.last is not None and not open_row and not self.texts and _continues_dev(self.last_line, self.dev, ln):
                    self.dev.append(ln)
                    continue
                self.flush_dev()
                self.texts.append(ln)
                continue
            self.flush_dev()
            if self.row_order and kind in ("marker", "total") and self._holds(pos):
                continue
            if kind in ("gap", "marker", "total"):
                self.settle_texts()
                if kind == "marker":
                    assert ln is not None
                    sub, label = cast(tuple[str, str], payload)
                    pr.markers.append((ln.no + 0.1, sub, label))
                    if sub == "l2":
                        self.marker = label
                    if ln.toks and not any(t.kind != "label" for t in ln.toks):
                        self.last = None
                else:
                    self.last = None
                continue
            assert ln is not None
            content: list[Tok] = payload  # type: ignore[assignment]
            unit = Unit(ln.page, ln.no, marker_before=self.marker)
            inline_l2 = [t.text for t in ln.toks if t.kind == "label" and t.sub == "l2"]
            if inline_l2:
                unit.level2 = inline_l2[-1]
            if kind == "name":
                self.settle_texts()
                unit.name = _tok_cell(content[0], ln, 0.95)
                pr.units.append(unit)
                self.last, self.last_line = unit, None
                continue
            if kind == "anchor":
                wi = _ws_index(content) or 0
                w, s = content[wi], content[wi + 1]
                rest = content[:wi]
                if content[wi + 2 :]:
                    unit.deviation = Cell("".join(t.text for t in content[wi + 2 :]), ln.no, ln.page, 0.9)
                if Decimal(w.text) == 100 and not rest:
                    self._last_reason()
                    self.settle_texts()
                    pr.total, pr.total_weight = _tok_cell(s, ln), _tok_cell(w, ln)
                    self.last = None
                    continue
                unit.weight, unit.score = _tok_cell(w, ln), _tok_cell(s, ln)
                _split_content(rest, ln, unit)
                if not rest and self.row_order and self._close_row(unit):
                    self.last_line = ln
                    continue
                if not rest and self.row_order and self._chunk(pos):
                    continue
                if not rest and not self.texts:
                    pr.bulk_ws.append(unit)
                    self.last, self.last_line = None, ln
                    continue
                self.fill_from_texts(unit)
            else:
                _split_content(content, ln, unit)
                last = self.last
                if self.row_order and not self.texts and self._late_name_target(pos, content, ln):
                    continue
                if unit.name is None and last is not None and last.name is not None and not last.has_ta and not last.has_ws:
                    if self.texts:
                        self.settle_texts()
                    if not last.has_ta:
                        last.target, last.actual = unit.target, unit.actual
                        self.last_line = ln
                        continue
                if unit.name is None and self.row_order and not self.texts and _extend_ta(last, unit, pr.units):
                    continue
                if unit.name is None and not self.texts:
                    pr.orphan_ta.append(unit)
                    self.last, self.last_line = unit, ln
                    continue
                if not (self.row_order and self._lead_lines(pos, unit, ln)):
                    self.fill_from_texts(unit)
            pr.units.append(unit)
            self.last, self.last_line = unit, ln
            self.prev_row = unit
        self.flush_dev()
        self.settle_texts()
        for c in self.queued:  # names no row took
            pr.pool_names.append(Unit(c.page, c.line, name=c, marker_before=self.marker))
