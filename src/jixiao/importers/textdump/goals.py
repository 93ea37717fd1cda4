"""年度总体目标: the two free-text columns 预期目标 and 实际完成情况.

Both columns wrap at their own width, and that width is what tells them apart: a dump
may print the whole 预期目标 paragraph first (pdfminer) or interleave the lines of the
two columns (plain pdftotext). Each line is given to the column whose width it fills; a
short line (a paragraph's last) goes to a column whose paragraph is still open,
preferring the column the previous line did not go to when both are open.

Numbered cells (1、…。2、…。) the widths leave badly read — an item cut off, numbers
out of turn, a column missing or holding a count of items the other does not — are
dealt again by their numbering (``goal_items``), which also finds a cell printed far
from its label and a wrapped item's end printed as a box of its own.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from jixiao.importers.textdump import goal_items
from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.sections import Found
from jixiao.importers.textdump.tokens import Line, Tok


@dataclass
class GoalText:
    lines: list[Line]

    def text(self) -> str:
        return "".join(ln.text.replace(" ", "") if _cjk(ln.text) else ln.text for ln in self.lines)


def _cjk(text: str) -> bool:
    return lx.width(text) > len(text) * 1.5


_is_goal_line = goal_items.is_goal_line


def read_goals(lines: list[Line]) -> dict[str, Found]:
    start = next(
        (i for i, ln in enumerate(lines) if any(t.kind == "label" and t.sub == "goal" for t in ln.toks)),
        None,
    )
    if start is None:
        return {}
    lines[start].used = True
    was_used = [ln.used for ln in lines]
    cols = _by_widths(lines, start)
    if cols is None or not goal_items.well_read(lines, *cols):
        # numbered cells the widths left badly read: deal their lines by the numbering
        read_used = [ln.used for ln in lines]
        for ln, used in zip(lines, was_used, strict=True):
            ln.used = used
        rebuilt = goal_items.rebuild(lines, start, _halves)
        if rebuilt is not None:
            cols = rebuilt
            halved = {ln.no for col in cols for ln in col}
            for ln in lines:
                ln.used = ln.used or ln.no in halved  # a line whose halves were dealt
        else:
            for ln, used in zip(lines, read_used, strict=True):
                ln.used = used
    return _found(*cols) if cols is not None else {}


def _by_widths(lines: list[Line], start: int) -> tuple[list[Line], list[Line]] | None:
    """The columns told apart by their wrap widths and the places their paragraphs are
    printed (see the module docstring)."""
    body: list[Line] = []
    i = start + 1
    # skip stray cells (dashes, a lone score) printed between the label and the text
    while i < len(lines) and i < start + 14 and not (_is_goal_line(lines[i]) and lx.width(lines[i].text) >= 24):
        i += 1
    while i < len(lines) and _is_goal_line(lines[i]):
        body.append(lines[i])
        i += 1
    if not body:
        return None
    placed = _placed(body)
    if placed is not None:
        return placed
    body = _split_side_by_side(body)
    late = _late_column(lines, i)
    # a paragraph printed after the table's merged labels is 实际完成情况: the body is all 预期目标
    numbered = None if late else _numbered(body)
    if late:
        # ... unless both columns are numbered and the body began one of them: the late
        # part (with the line ending its broken sentence, printed just above) continues it
        k0 = lines.index(late[0])
        tail = [lines[k0 - 1]] if k0 > i and _is_goal_line(lines[k0 - 1]) and _closed(lines[k0 - 1]) else []
        numbered = _numbered(body + tail + late)
        if numbered is not None:
            late = tail + late
    if numbered is None and not late and _one_sequence(body):
        numbered = (body, [])  # one column numbered 1、2、3、…: the other is elsewhere
    expected, actual = numbered or ((body, late) if late else split_columns(body))
    if expected and not actual and _ITEM.match(expected[0].text):
        actual = _numbered_after(lines, i, expected[0].page)
    _lone_ending(expected, actual, lines, i)
    return expected, actual


def _lone_ending(expected: list[Line], actual: list[Line], lines: list[Line], i: int) -> None:
    """One column's text broken off mid-sentence, and a sentence's lone end (行。) printed
    further down the page: that end is the column's last line."""
    open_cols = [c for c in (expected, actual) if c and not _closed(c[-1]) and lx.width(c[-1].text) >= 24]
    if len(open_cols) != 1:
        return
    col = open_cols[0]
    for k in range(max(i, 1), len(lines)):
        ln, prev = lines[k], lines[k - 1]
        if ln.page != col[-1].page:
            break
        alone = not (_is_goal_line(prev) and not _closed(prev))  # not the end of the text above it
        if alone and _is_goal_line(ln) and _closed(ln) and lx.width(ln.text) <= 8 and ln not in expected and ln not in actual:
            col.append(ln)
            return


def _one_sequence(body: list[Line]) -> bool:
    """Items numbered 1, 2, 3, … each line a new item or the rest of an unfinished one."""
    nums = [int(m.group(1)) for ln in body if (m := _ITEM.match(ln.text))]
    wraps = all(_ITEM.match(b.text) or not _closed(a) for a, b in itertools.pairwise(body))
    return wraps and len(nums) >= 2 and nums == list(range(1, len(nums) + 1)) and _ITEM.match(body[0].text) is not None


def _numbered_after(lines: list[Line], i: int, page: int) -> list[Line]:
    """实际完成情况 printed after the indicator table (plain pdftotext may put that cell
    last on the page): the first free paragraph numbered from 1 later on the page."""
    for k in range(i, len(lines)):
        ln = lines[k]
        if ln.page != page:
            break
        m = _ITEM.match(ln.text)
        if not (m and m.group(1) == "1" and _is_goal_line(ln)):
            continue
        run, last = [ln], 1
        for nxt in lines[k + 1 :]:
            n = _ITEM.match(nxt.text)
            if not _is_goal_line(nxt) or nxt.page != page:
                break
            if n and int(n.group(1)) == last + 1:
                last += 1
            elif n or _closed(run[-1]):
                break
            run.append(nxt)
        return run
    return []


_SIDE = re.compile(r"^(\S*[\u4e00-\u9fff，、；。]) ((?:[\u4e00-\u9fff“”（）《》，、；。]|\d{1,2}[、．])\S*)$")


def _split_side_by_side(body: list[Line]) -> list[Line]:
    """Lines of the two columns printed at the same height come out joined by one space
    (plain pdftotext): each half is a line of its own column, left half first."""
    out: list[Line] = []
    for ln in body:
        halves = _halves(ln)
        if len(halves) == 2:
            ln.used = True  # the body is claimed by the goals whichever column a half joins
        out.extend(halves)
    return out


def _halves(ln: Line) -> list[Line]:
    """A line holding both goal columns cut into its two halves (left first); else itself."""
    m = _SIDE.match(ln.text)
    if m and lx.width(m.group(1)) >= 16 and lx.width(m.group(2)) >= 4:
        return [Line(ln.no, part, ln.page, ln.block, [Tok(part, "text")]) for part in m.groups()]
    return [ln]


def _found(expected: list[Line], actual: list[Line]) -> dict[str, Found]:
    out: dict[str, Found] = {}
    for key, part in (("goals.expected", expected), ("goals.actual", actual)):
        if part:
            for ln in part:
                ln.used = True
            out[key] = Found(GoalText(part).text(), part[0].no, part[0].page, 0.9)
    return out


def _placed(body: list[Line]) -> tuple[list[Line], list[Line]] | None:
    """The columns as a reader that kept positions told them apart (``pdftotext
    -layout``: blocks -2 and -1, 预期目标 first): nothing left to guess."""
    blocks = [ln.block for ln in body]
    if not blocks or any(b not in (-2, -1) for b in blocks) or blocks != sorted(blocks):
        return None
    return [ln for ln in body if ln.block == -2], [ln for ln in body if ln.block == -1]


_ITEM = re.compile(r"^\s*(\d{1,2})\s*[、.．)）]")


def _numbered(body: list[Line]) -> tuple[list[Line], list[Line]] | None:
    """Both columns numbered 1、2、3、…: a numbered line opens the next item of the column
    whose numbering it continues (预期目标 first when both could take it); an unnumbered
    line continues the item still open (not ended by 。/；), else the previous line's."""
    nums = [int(m.group(1)) if (m := _ITEM.match(ln.text)) else None for ln in body]
    if nums[0] != 1 or nums.count(1) != 2:
        return None
    cols: tuple[list[Line], list[Line]] = ([], [])
    last, widest = [0, 0], [0, 0]
    prev = 1
    for ln, n, w in zip(body, nums, _widths(body), strict=True):
        if n is not None:
            # (an item numbered inside a line, "…。2、强化…", counts as printed)
            can = [c for c in (0, 1) if n == last[c] + 1 and f"{n}、" not in "".join(x.text for x in cols[c])]
            # a column whose item is still open (no 。 yet) waits for its continuation
            can = [c for c in can if not cols[c] or _closed(cols[c][-1])] or can
        else:
            can = [c for c in (0, 1) if cols[c] and not cols[c][-1].text.rstrip().endswith(("。", "；", ";"))] or [prev]
        if not can:
            return None
        fits = [c for c in can if not (widest[c] and w > widest[c] + 3)]  # not too wide for it
        # side by side, lines alternate
        k = fits[0] if len(fits) == 1 else (1 - prev if 1 - prev in can else can[0])
        if n is not None:
            last[k] = n
        cols[k].append(ln)
        widest[k] = max(widest[k], w)
        prev = k
    if not cols[1]:
        return None
    # printed side by side, 预期目标 is the wider column (the official layout)
    narrow = _narrower(cols)
    if narrow is not None:
        return (cols[1], cols[0]) if narrow == 0 else cols
    w0, w1 = (max(_widths(c)) for c in cols)
    return (cols[1], cols[0]) if w1 > w0 + 4 else cols


def _closed(ln: Line) -> bool:
    return ln.text.rstrip().endswith(("。", "；", ";"))


def _narrower(cols: tuple[list[Line], list[Line]]) -> int | None:
    """The column that broke a sentence at a width the other column printed whole (not
    counting a final 。, which may hang past the edge): the narrower one."""
    broke: list[int | None] = []
    for col in cols:
        edge = max(lx.width(ln.text) for ln in col) - 2
        # a line left open that goes on below, or that reached the column's edge
        cut = [k for k, ln in enumerate(col) if not _closed(ln) and (k + 1 == len(col) or not _ITEM.match(col[k + 1].text) or lx.width(ln.text) >= edge)]
        broke.append(min(lx.width(col[k].text) for k in cut) if cut else None)
    whole = [max((lx.width(ln.text.rstrip().rstrip("。；;")) for ln in col if _closed(ln)), default=0) for col in cols]
    hits = [c for c in (0, 1) if broke[c] is not None and broke[1 - c] is None and whole[1 - c] >= broke[c]]  # type: ignore[operator]
    return hits[0] if len(hits) == 1 else None


def _late_column(lines: list[Line], i: int) -> list[Line]:
    """实际完成情况 printed after the indicator table's merged labels (plain pdftotext puts
    a one-line paragraph below them): the first wide text run before the table header."""
    for k in range(i, min(len(lines), i + 40)):
        ln = lines[k]
        if any(t.kind == "label" and t.text in ("年度指标值", "实际完成值") for t in ln.toks):
            return []
        if _is_goal_line(ln) and lx.width(ln.text) >= 24:
            run = [ln]
            for nxt in lines[k + 1 : k + 20]:
                if not _is_goal_line(nxt) or lx.width(nxt.text) < 4:
                    break
                run.append(nxt)
            return run
    return []


def _widths(body: list[Line]) -> list[int]:
    """Widths including a paragraph's indentation, so a first line counts as full."""
    return [lx.width(ln.raw.rstrip().replace("\t", "    ")) for ln in body]


def split_columns(body: list[Line]) -> tuple[list[Line], list[Line]]:
    """Split goal lines into (预期目标, 实际完成情况) by the two wrap widths."""
    ws = _widths(body)
    common = [w for w, _ in Counter(ws).most_common()]
    top = sorted(ws, reverse=True)
    wide = top[0]
    narrow_candidates = [w for w in common if w < wide - 6]
    if not narrow_candidates:
        return _split_sequential(body, ws)
    # the narrow width: the most frequent width clearly below the widest one
    counts = Counter(w for w in ws if w < wide - 6)
    narrow = max(counts, key=lambda w: (sum(1 for x in ws if abs(x - w) <= 2), w))
    if sum(1 for x in ws if abs(x - narrow) <= 2) < 2:
        return _split_sequential(body, ws)
    seq_cut = _sequential_cut(body, ws, wide, narrow)
    if seq_cut is not None:
        return body[:seq_cut], body[seq_cut:]
    cols: tuple[list[Line], list[Line]] = ([], [])
    open_ = [False, False]
    prev = -1
    seq: list[int] = []
    for ln, w in zip(body, ws, strict=True):
        full_wide = w >= wide - 4
        full_narrow = abs(w - narrow) <= 3 and not full_wide
        if full_wide:
            k = 0
        elif full_narrow:
            k = 1
        elif w > narrow + 2:
            k = 0
        else:
            cands = [c for c in (0, 1) if open_[c]]
            if len(cands) == 1:
                k = cands[0]
            elif len(cands) == 2:
                k = 1 - prev if prev >= 0 else 0
            else:
                k = prev if prev >= 0 else 0
        cols[k].append(ln)
        open_[k] = full_wide if k == 0 else full_narrow
        prev = k
        seq.append(k)
    switches = sum(1 for a, b in itertools.pairwise(seq) if a != b)
    # printed one after the other: the first column is 预期目标; interleaved (printed
    # side by side), 预期目标 is the wider column, as in the official layout
    first_is_wide = seq[0] == 0 if switches <= 1 else True
    return (cols[0], cols[1]) if first_is_wide else (cols[1], cols[0])


def _sequential_cut(body: list[Line], ws: list[int], wide: int, narrow: int) -> int | None:
    """Where one column ends and the other begins when they are printed one after the other."""
    kinds = [0 if w >= wide - 4 else (1 if abs(w - narrow) <= 3 else -1) for w in ws]
    best: tuple[float, int] | None = None
    for c in range(1, len(body)):
        for first in (0, 1):
            bad = sum(1 for k in kinds[:c] if k == 1 - first) + sum(1 for k in kinds[c:] if k == first)
            cost = bad - (0.5 if body[c].block != body[c - 1].block else 0) + (0.5 if kinds[c - 1] == first else 0)
            if best is None or cost < best[0]:
                best = (cost, c)
    if best is not None and best[0] <= 0:
        return best[1]
    return None


def _split_sequential(body: list[Line], ws: list[int]) -> tuple[list[Line], list[Line]]:
    """Same width in both columns: split at the block boundary nearest the middle."""
    if len(body) < 2:
        return body, []
    blocks = [i for i in range(1, len(body)) if body[i].block != body[i - 1].block]
    if not blocks:
        blocks = [i for i in range(1, len(body)) if ws[i - 1] < max(ws) - 2]
    if not blocks:
        return body, []
    cut = min(blocks, key=lambda i: abs(i - len(body) / 2))
    return body[:cut], body[cut:]
