"""Numbered goal cells rebuilt from their lines, in whatever order a reader printed them.

Goal cells often list items 1、2、3、…, each ending in 。 or ；. Readers that work by
text boxes (pdfminer) print each cell's lines in order but may print a wrapped item's
last line (行。) as a box of its own, above or below its item, or one cell's first line
above the row's labels; plain pdftotext interleaves the two cells line by line, and a
cell may wrap mid-item so that a line holds the end of one item and the start of the
next. Whatever the order, each cell reads 1、…。2、…。…, so the lines are dealt to two
columns such that both read that way:

* a line opening with item n+1 goes to a column whose item n has ended, or whose open
  item n ends in a line printed elsewhere;
* a line without a number first continues a column's open item (or adds a sentence to
  the item just ended);
* a line ending a sentence may be such an end printed elsewhere: those ends go to the
  open items left waiting, in print order;
* any other line is not goal text (a reason printed nearby, an indicator's name).

An open item goes on only in the goal line printed next in its run (not across labels or
lines left out), and an end printed elsewhere stands alone (not right below an
unfinished line, as a reason's last line 理。 does). The cheapest dealing wins: an end
printed elsewhere costs 1, a line left out 2 (a numbered one 4, the next item of a
column printed just above it 8), an item never ended 3,
a further sentence of an ended item 0.5, cells of different item counts 0.5, a column
holding a line broken off well short of its widest line 1.5. When both columns could
take a line, the one that keeps the rhythm of the lines before it in its run (cells
printed side by side alternate line by line, a box's lines follow on in one column).

The cell that wraps narrower is 实际完成情况 (the official layout gives 预期目标 the
wider cell), else the one printed first is 预期目标.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable
from dataclasses import dataclass

from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.tokens import Line

MARK = re.compile(r"(?:^|(?<=[。；;]))(\d{1,2})[、.．)）](?!\d)")
_ENDS = ("。", "；", ";")

# costs of a dealing (see the module docstring)
TAIL, SKIP, SKIP_ITEM, SKIP_NEXT, UNENDED, COUNTS, WIDTHS, SENTENCE, SAME = 1.0, 2.0, 4.0, 8.0, 3.0, 0.5, 1.5, 0.5, 0.01
BEAM = 200
"""Dealings kept after each line (the cheapest): the states differ in widths and open
items, so an unbounded search grows with every line of a long region."""
NARROW = 6
"""How far short of its column's widest line a line may break off (a wide character or a
sentence mark that may not open a line is carried over whole)."""


@dataclass(frozen=True)
class _Piece:
    line: Line
    marks: tuple[int, ...]
    lead: bool
    closed: bool
    gap: bool
    """Other lines (labels, numbers) printed between this line and the previous goal line."""
    alone: bool
    """Not printed right below an unfinished goal line (so it may be an end printed elsewhere)."""

    @property
    def ordered(self) -> bool:
        return all(b == a + 1 for a, b in zip(self.marks, self.marks[1:], strict=False))


def flat(text: str) -> str:
    """Text without spaces (a CJK line's spaces are the reader's, not the writer's)."""
    return re.sub(r"\s+", "", text)


def _piece(ln: Line, gap: bool, above: Line | None) -> _Piece:
    text = flat(ln.text)
    found = list(MARK.finditer(text))
    alone = above is None or not (is_goal_line(above) and not flat(above.text).endswith(_ENDS))
    return _Piece(ln, tuple(int(m.group(1)) for m in found), bool(found) and found[0].start() == 0, text.endswith(_ENDS), gap, alone)


def is_goal_line(ln: Line) -> bool:
    """An unclaimed line of free text (numbers inside it allowed)."""
    if ln.used or not ln.toks:
        return False
    return all(t.kind in ("text", "value", "num", "percent") for t in ln.toks) and any(t.kind == "text" for t in ln.toks)


def region(lines: list[Line], start: int, halves: Callable[[Line], list[Line]]) -> list[_Piece]:
    """The goal lines from the label to the page's end: a cell's lines may be printed
    below the table's labels, its lower part below the whole table. A line holding both
    columns side by side gives its ``halves``, left first."""
    pieces: list[_Piece] = []
    gap = False
    for k in range(start + 1, len(lines)):
        ln = lines[k]
        if ln.page != lines[start].page:
            break
        if is_goal_line(ln):
            for half in halves(ln):
                pieces.append(_piece(half, gap and bool(pieces), lines[k - 1]))
                gap = False
        else:
            gap = True
    return pieces


# a column while dealing: (its last item, that item still open, its last line the last
# goal line printed in its run (nothing left out or printed between since, so the next
# line may go on with its open item), its widest line, its narrowest line broken off)
_Col = tuple[int, bool, bool, int, int]
# state: (column 0, column 1, (column of the last line placed, whether it was another
# column than the line before it), ends printed elsewhere still owed (negative: ends seen
# before their item))
_State = tuple[_Col, _Col, tuple[int, bool], int]
# path: (line index, action, pended column or -1), linked to the previous step
_Path = tuple[int, str, int, "_Path | None"] | None
_EMPTY: _Col = (0, False, False, 0, 999)


def _width(p: _Piece) -> int:
    return lx.width(flat(p.line.text))


def _moves(st: _State, p: _Piece) -> list[tuple[str, int, _State, float]]:
    col0, col1, prev, owed = st
    if p.gap:
        col0, col1 = (col0[0], col0[1], False, *col0[3:]), (col1[0], col1[1], False, *col1[3:])
    out: list[tuple[str, int, _State, float]] = []
    for c, (n, o, live, wide, brk) in enumerate((col0, col1)) if p.ordered else ():
        if c == 1 and col0[0] == 0:
            continue  # the first column to start is column 0
        # in the run's rhythm: lines printed side by side alternate, a box's lines follow on
        cost = SAME if prev[0] >= 0 and not p.gap and c != (1 - prev[0] if prev[1] else prev[0]) else 0.0
        pend = -1
        if p.lead:
            if p.marks[0] != n + 1:
                continue
            if o:
                pend = c  # item n ends in a line printed elsewhere
        elif n == 0 or not live or (p.marks and p.marks[0] != n + 1):
            continue
        elif not o:
            cost += SENTENCE  # a further sentence of the item just ended
        w = _width(p)
        wide2, brk2 = max(wide, w), (brk if p.closed else min(brk, w))
        if brk2 < wide2 - NARROW and not brk < wide - NARROW:
            cost += WIDTHS  # a line broken off well short of a line the column printed
        col = (p.marks[-1] if p.marks else n, not p.closed, True, wide2, brk2)
        cols = (col, col1) if c == 0 else (col0, col)
        out.append((str(c), pend, (*cols, (c, c != prev[0] and prev[0] >= 0), owed + (pend >= 0)), cost))
    if not p.marks and p.closed and p.alone and owed > -6:
        out.append(("tail", -1, (col0, col1, prev, owed - 1), TAIL))
    dead0, dead1 = (col0[0], col0[1], False, *col0[3:]), (col1[0], col1[1], False, *col1[3:])
    # leaving out the next item of a column printed just above is dearer still
    fits = p.lead and any(col[2] and col[0] + 1 == p.marks[0] for col in (col0, col1))
    out.append(("skip", -1, (dead0, dead1, prev, owed), SKIP_NEXT if fits else SKIP_ITEM if p.marks else SKIP))
    return out


def _deal(pieces: list[_Piece]) -> tuple[float, _Path, _State] | None:
    best: dict[_State, tuple[float, _Path]] = {(_EMPTY, _EMPTY, (-1, False), 0): (0.0, None)}
    for k, p in enumerate(pieces):
        nxt: dict[_State, tuple[float, _Path]] = {}
        for st, (cost, path) in best.items():
            for act, pend, st2, c in _moves(st, p):
                if st2[3] > 8:
                    continue
                total = cost + c
                if st2 not in nxt or total < nxt[st2][0] - 1e-9:
                    nxt[st2] = (total, (k, act, pend, path))
        best = nxt if len(nxt) <= BEAM else dict(heapq.nsmallest(BEAM, nxt.items(), key=lambda kv: kv[1][0]))
    done: list[tuple[float, _Path, _State]] = []
    for st, (cost, path) in best.items():
        col0, col1, _, owed = st
        owed += col0[1] + col1[1]  # items still open at the end wait for their ends too
        if col0[0] == 0 or col1[0] == 0 or owed < 0:
            continue
        done.append((cost + UNENDED * owed + (COUNTS if col0[0] != col1[0] else 0.0), path, st))
    return min(done, key=lambda d: d[0]) if done else None


def _unroll(path: _Path) -> list[tuple[int, str, int]]:
    steps: list[tuple[int, str, int]] = []
    while path is not None:
        k, act, pend, path = path
        steps.append((k, act, pend))
    return steps[::-1]


def rebuild(lines: list[Line], start: int, halves: Callable[[Line], list[Line]] = lambda ln: [ln]) -> tuple[list[Line], list[Line]] | None:
    """(预期目标, 实际完成情况) when both cells are numbered and their lines deal into two
    cells that each read 1、…。2、…。 (see the module docstring); None otherwise."""
    pieces = region(lines, start, halves)
    if sum(p.marks.count(1) for p in pieces) < 2:
        return None
    dealt = _deal(pieces)
    if dealt is None:
        return None
    _, path, _ = dealt
    cols: tuple[list[Line], list[Line]] = ([], [])
    waiting: list[tuple[int, Line]] = []  # (column, line its open item stopped at)
    ends: list[Line] = []
    left: list[int] = []
    for k, act, pend in _unroll(path):
        if pend >= 0:
            waiting.append((pend, cols[pend][-1]))
        if act in ("0", "1"):
            cols[int(act)].append(pieces[k].line)
        elif act == "tail":
            ends.append(pieces[k].line)
        else:
            left.append(k)
    for c in (0, 1):
        if cols[c] and not flat(cols[c][-1].text).endswith(_ENDS):
            waiting.append((c, cols[c][-1]))
    waiting.sort(key=lambda w: w[1].no)
    for (c, head), tail in zip(waiting, ends, strict=False):
        cols[c].insert(cols[c].index(head) + 1, tail)
    _printed_first(pieces, left, cols)
    return (cols[1], cols[0]) if _narrower(cols) == 0 else cols


def _printed_first(pieces: list[_Piece], left: list[int], cols: tuple[list[Line], list[Line]]) -> None:
    """A cell's lower items printed before its first ones (plain pdftotext may print the
    part of a cell below the table's labels first): a run of lines left out that reads
    as items n+1, n+2, … each ended goes after the column that ends, short of the other
    one, with item n."""
    skipped = set(left)
    changed = True
    while changed:
        changed = False
        counts = [_count(col) for col in cols]
        for i in left:
            run = _run_from(pieces, i, skipped)
            if not run:
                continue
            first, last = pieces[run[0]].marks[0], max(m for k in run for m in pieces[k].marks)
            fits = [c for c in (0, 1) if counts[c] == first - 1 and (other := counts[1 - c]) is not None and other >= last]
            if len(fits) == 1:
                cols[fits[0]].extend(pieces[k].line for k in run)
                skipped -= set(run)
                left = [k for k in left if k in skipped]
                changed = True
                break


def _count(col: list[Line]) -> int | None:
    """The last item of a column whose text ends an item; None if it does not."""
    text = "".join(flat(ln.text) for ln in col)
    marks = [int(m.group(1)) for m in MARK.finditer(text)]
    return marks[-1] if marks and text.endswith(_ENDS) else None


def _run_from(pieces: list[_Piece], i: int, skipped: set[int]) -> list[int]:
    """Lines left out from ``pieces[i]`` on that read as numbered items, each ended."""
    p = pieces[i]
    if not (p.lead and p.ordered):
        return []
    run: list[int] = []
    n, open_ = p.marks[0] - 1, False
    for k in range(i, len(pieces)):
        q = pieces[k]
        fits = k in skipped and q.ordered and (not q.marks or q.marks[0] == n + 1) and q.lead != open_ and not (open_ and q.gap)
        if not fits:
            break
        run.append(k)
        n, open_ = (q.marks[-1] if q.marks else n), not q.closed
    while run and not flat(pieces[run[-1]].line.text).endswith(_ENDS):
        run.pop()
    return run


def _narrower(cols: tuple[list[Line], list[Line]]) -> int | None:
    """The column that broke a line at a width the other column printed: 实际完成情况.
    When each did, the column with clearly narrower lines."""
    def w(ln: Line) -> int:
        return lx.width(flat(ln.text))

    broke = [min((w(ln) for ln in col if not flat(ln.text).endswith(_ENDS)), default=None) for col in cols]
    widest = [max(w(ln) for ln in col) for col in cols]
    hits = [c for c in (0, 1) if (b := broke[c]) is not None and widest[1 - c] > b + 1]
    if len(hits) == 1:
        return hits[0]
    if len(hits) == 2 and abs(widest[0] - widest[1]) > 3:
        return 0 if widest[0] < widest[1] else 1
    return None  # lines never broken off say how long the items are, not the cells


def _items(col: list[Line], lines: list[Line]) -> int | None:
    """How many items a column read as numbered holds, when its lines read that way one
    after the other (each numbered line after an ended item, each other line going on
    with an open one, across other cells only as a lone end, the last item ended); None
    otherwise."""
    at = {id(ln): k for k, ln in enumerate(lines)}
    n, open_ = 0, False
    for prev, ln in zip([None, *col], col, strict=False):
        k = at.get(id(ln))  # None: a half of a line cut in two (see goals._split_side_by_side)
        p = _piece(ln, False, lines[k - 1] if k else None)
        if not p.ordered or (p.marks and p.marks[0] != n + 1) or p.lead == open_ or (not p.lead and n == 0):
            return None
        j = at.get(id(prev), -1)
        across = k is not None and 0 <= j < k and any(not is_goal_line(x) for x in lines[j + 1 : k])
        if across and not p.lead and not (p.closed and p.alone and not p.marks):
            return None
        n, open_ = (p.marks[-1] if p.marks else n), not p.closed
    return None if open_ or n == 0 else n


def well_read(lines: list[Line], expected: list[Line], actual: list[Line]) -> bool:
    """Columns to keep as read: free text in both, or both numbered the same count of
    items, each read through in order."""
    numbered = [bool(col) and bool(MARK.match(flat(col[0].text))) for col in (expected, actual)]
    if not any(numbered):
        return True
    counts = [_items(expected, lines), _items(actual, lines)]
    return counts[0] is not None and counts[0] == counts[1]
