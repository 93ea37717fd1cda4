"""Column-major pages: pdfminer sometimes emits a table column by column.

Then no line holds a row: the names come as one run, the targets and actuals as
another (a target's comparator tells it from an actual; an actual pairs with the
earliest open target of the same unit, qualitative values pair with their neighbour),
and 分值/得分 as one run of bare numbers — either all weights then all scores or pairs,
whichever keeps every 得分 ≤ 分值. The rows are the three runs zipped in order.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.crossing import GUESSED, match_names, uncross
from jixiao.importers.textdump.late_rows import place_late_rows, unrotate_actuals
from jixiao.importers.textdump.streams import assign_paired
from jixiao.importers.textdump.tokens import Line, Tok
from jixiao.importers.textdump.units import Cell, PageRows, Unit
from jixiao.importers.textdump.wrap import block_cells, join

_FOOTER = re.compile(r"第\d+页(?:[/,，]?共\d+页)?")
_FOOTER_WORDS = re.compile(r"第\d+页(?:[/,，]?共\d+页?)?")  # its last word may go to the next line's label
_COMPARATOR = re.compile(r"^(?:[<>≤≥＜＞]=?|=|＝)")
WEIGHTS = Decimal(90)
"""Σ分值 of a table's rows: 100 less the execution weight."""


def _num_run(lines: list[Line]) -> list[Line]:
    best: list[Line] = []
    cur: list[Line] = []
    for ln in lines:
        if not ln.used and len(ln.toks) == 1 and ln.toks[0].kind == "num":
            cur.append(ln)
        elif not ln.used:
            if len(cur) > len(best):
                best = cur
            cur = []
    return cur if len(cur) > len(best) else best


MIN_BRIDGED_SIDE = 3
"""The fewest bare numbers on each side of a text cut into the number column: a row's
分值 and 得分 printed with it make two, so three in a row are already a column."""


def _bridged_run(lines: list[Line]) -> int:
    """The longest number column counted across a text cell printed inside it: a row's
    偏差原因 sits beside its 得分, so pdfminer may print the 得分 column up to that row,
    the reason, then the rest (1 1 1 0.39, 实际需求少于预期…, 12 7 13). Only text
    (no other number) may come between two runs of three or more numbers."""
    seq: list[tuple[bool, int]] = []  # (True, count) a run of numbers, (False, 1/0) a gap of text only / not
    for ln in lines:
        if ln.used:
            continue
        num = len(ln.toks) == 1 and ln.toks[0].kind == "num"
        text = int(all(t.kind == "text" for t in ln.toks))
        if seq and seq[-1][0] == num:
            seq[-1] = (num, seq[-1][1] + 1 if num else seq[-1][1] and text)
        else:
            seq.append((num, 1 if num else text))
    best = cur = 0
    for k, (num, n) in enumerate(seq):
        if not num:
            continue
        bridged = k >= 2 and seq[k - 1][1] == 1 and cur >= MIN_BRIDGED_SIDE and n >= MIN_BRIDGED_SIDE
        cur = cur + n if bridged else n
        best = max(best, cur)
    return best


def is_columnar(lines: list[Line]) -> bool:
    """No row on any line, and the bare numbers come as a column: one long run, or (the
    table printed in bands) a run below the table header that is not 分值/得分 pairs."""
    live = [ln for ln in lines if not ln.used]
    anchors = [ln for ln in live if len(ln.toks) >= 2 and ln.toks[-1].kind == "num" and ln.toks[-2].kind == "num"]
    if anchors:
        return False
    singles = sum(1 for ln in live if len(ln.toks) == 1 and ln.toks[0].kind == "num")
    run = max(len(_num_run(live)), _bridged_run(live))
    if run >= 4 and run >= 0.6 * singles:
        return True
    # the funds block's 分值/得分 (10, 9.10) printed one per line above the table: count
    # the table's numbers only
    table = [ln for ln in _table_part(live) if not ln.used]
    t_singles = sum(1 for ln in table if len(ln.toks) == 1 and ln.toks[0].kind == "num")
    t_run = len(_num_run(table))
    if len(table) < len(live) and t_run >= 4 and t_run >= 0.6 * t_singles:
        return True
    head = next((i for i, ln in enumerate(live) if any(t.text in ("三级指标", "年度指标值") for t in ln.toks)), None)
    return head is not None and (any(_banded(r) for r in _num_runs(live[head:])) or _adds_up_in_bands(table))


MAX_BAND_NUMBERS = 48
"""The most bare numbers :func:`_adds_up_in_bands` cuts (24 rows): the cut is a dynamic
programme over places and sums, kept small."""


def _adds_up_in_bands(table: list[Line]) -> bool:
    """A one-page table (its 总分 row on the page) whose bare numbers give Σ分值 = 90 only
    when cut into bands w1..wk s1..sk, not as 分值/得分 pairs: the number column was
    printed in chunks between the other columns' boxes (16 10 4 1 12 7 16 10 4 1 12 7,
    then 10 10 after a row's text, then 5 2 13 10 5 2 13 10), too broken up for the run
    tests, and joining each two numbers into a row would misread every row."""
    if not any(t.kind == "label" and t.sub == "total" for ln in table for t in ln.toks):
        return False
    run = [ln for ln in table if len(ln.toks) == 1 and ln.toks[0].kind == "num"]
    nums = [Decimal(ln.toks[0].text) for ln in run]
    at = max((i for i in range(len(nums) - 1) if nums[i] == 100 and nums[i + 1] <= 100), default=None)
    if at is not None:  # the 总分 row's 100 and total
        run, nums = run[:at] + run[at + 2 :], nums[:at] + nums[at + 2 :]
    if not 4 <= len(nums) <= MAX_BAND_NUMBERS:
        return False
    if len(nums) % 2 == 0 and all(0 < nums[i] >= nums[i + 1] for i in range(0, len(nums), 2)) and sum(nums[0::2]) == 90:
        return False  # read as pairs the column adds up as well
    ws, key = _segment(run, nums, Cell("100", 0, 0))
    index = {id(ln): k for k, ln in enumerate(run)}
    return key[0] == 0 and any(abs(index[id(s)] - index[id(w)]) > 1 for w, s in ws)


def _num_runs(lines: list[Line]) -> list[list[Decimal]]:
    out: list[list[Decimal]] = [[]]
    for ln in lines:
        if len(ln.toks) == 1 and ln.toks[0].kind == "num":
            out[-1].append(Decimal(ln.toks[0].text))
        elif out[-1]:
            out.append([])
    return [r for r in out if r]


def _banded(r: list[Decimal]) -> bool:
    """An even run of 4+ numbers that cannot be read as (分值, 得分) pairs: w1..wk s1..sk."""
    return len(r) >= 4 and len(r) % 2 == 0 and any(r[i + 1] > r[i] for i in range(0, len(r) - 1, 2))


def _table_part(lines: list[Line]) -> list[Line]:
    """The lines from the indicator table's header on, when the funds block is printed
    above it on the page (its amounts, 分值 and 执行率 are not the table's numbers)."""
    head = next((i for i, ln in enumerate(lines) if any(t.text in ("三级指标", "年度指标值") for t in ln.toks)), None)
    if head is None or not any(t.kind == "label" and t.sub == "fundrow" for ln in lines[:head] for t in ln.toks):
        head = 0
    part = lines[head:]
    footer: set[int] = set()
    for i in range(len(part)):  # the footer cut into one word per line (第 / 5 / 页 / / / 共 / 25 / 页)
        for j in range(i + 3, min(len(part), i + 8) + 1):
            if _FOOTER_WORDS.fullmatch("".join(ln.text.replace(" ", "") for ln in part[i:j])):
                footer.update(range(i, j))
    return [ln for k, ln in enumerate(part) if k not in footer and not _FOOTER.fullmatch(ln.text.replace(" ", ""))]  # not the page footer


class _Glued(Line):
    """A number split off the end of a text line: printed where its text box went."""


def _split_trailing_numbers(lines: list[Line]) -> list[Line]:
    """A row's cells and its 分值 merged into one text line (``安全 安全 13``): the number at
    the end is the number column's."""
    out: list[Line] = []
    for ln in lines:
        toks = ln.toks
        if not ln.used and len(toks) >= 2 and toks[-1].kind == "num" and toks[-2].kind in ("text", "value", "percent") and Decimal(toks[-1].text) <= 100:
            head = " ".join(t.text for t in toks[:-1])
            out.append(Line(ln.no, head, ln.page, ln.block, list(toks[:-1])))
            out.append(_Glued(ln.no, toks[-1].text, ln.page, ln.block, [toks[-1]]))
        else:
            out.append(ln)
    return out


def _place_glued(run: list[Line], total: Cell | None, goal: Decimal = WEIGHTS) -> tuple[list[Line], list[tuple[Line, Line]], tuple[int, int, int], set[int]]:
    """Cut the number run; when it does not cut well (no valid cut, or 分值 not adding up),
    move each number split off a text line to the place in the run that cuts best: its
    text box may come out of the column's order. On a one-page table (its total known)
    whose 分值 do not add up to 90, the first number printed after a text (a row printed
    whole, its 分值 on the next line: ``进一步完善 / 进一步完善 / 12`` after the rows below
    it) may move as well, when the move makes them add up. Also returns the lines (by id)
    moved: each was printed with its own row."""
    printed = run
    nums = [Decimal(ln.toks[0].text) for ln in run]
    ws, key = _segment(run, nums, total, goal)
    for g in [ln for ln in run if isinstance(ln, _Glued)]:
        if key[0] == 0:
            break
        run, ws, key = _move_best(run, g, total, (run, ws, key), goal)
    if key[0] == 0 or total is None:
        return run, ws, key, set()
    # one number printed after a text moved, from the printed run, so that Σ分值 = 90
    starts = [ln for i, ln in enumerate(printed) if i > 0 and printed[i].no - printed[i - 1].no > 2]
    for first in starts[:MAX_LOOSE]:
        found = _move_best(printed, first, total, (run, ws, (1, 0, 0)), goal)
        if found[2][0] == 0:
            return *found, {id(first)}
    return run, ws, key, set()


def _move_best(
    run: list[Line], g: Line, total: Cell | None, best: tuple[list[Line], list[tuple[Line, Line]], tuple[int, int, int]], goal: Decimal
) -> tuple[list[Line], list[tuple[Line, Line]], tuple[int, int, int]]:
    """The run with ``g`` put at the place that cuts best, if better than ``best``."""
    rest = [ln for ln in run if ln is not g]
    for pos in range(len(rest) + 1):
        cand = [*rest[:pos], g, *rest[pos:]]
        cws, ckey = _segment(cand, [Decimal(ln.toks[0].text) for ln in cand], total, goal)
        if ckey < best[2]:
            best = (cand, cws, ckey)
    return best


MAX_LOOSE = 4
"""Numbers printed after a text that :func:`_place_glued` tries to move (each move is a
cut of the run per place)."""


def _unit_of(text: str) -> str:
    return re.sub(r"^[<>=≤≥＜＞＝]+|[\d.,\s]+", "", text)


def read_columnar(lines: list[Line], before: Decimal = Decimal(0)) -> PageRows:
    """Read the page as printed, and with the numbers ending text lines (``安全 安全 13``)
    taken into the number column, and with a bare ``0`` printed among the values read as
    an actual; keep the first reading whose 分值 add up best (Σ = 90 on a one-page table,
    90 less ``before``, the 分值 read on the table's earlier pages, on its last page)
    and whose cells hold as many rows as the number column."""
    return _read_columnar(lines, WEIGHTS - before if 0 <= before < WEIGHTS else WEIGHTS)


def _read_columnar(lines: list[Line], goal: Decimal) -> PageRows:
    """``goal``: what the 分值 of the page's rows add up to when it holds the table's total."""
    table = _table_part(lines)
    split = _split_trailing_numbers(table)
    variants = [table] if len(split) == len(table) else [table, split]
    variants += [v for v in (_zero_actuals(x) for x in list(variants)) if v is not None]
    if len(variants) == 1:
        return _read(table, _early_reasons(lines), goal)[0]
    every = list({id(ln): ln for ln in [*lines, *(x for v in variants for x in v)]}.values())
    before = [ln.used for ln in every]
    best: tuple[tuple[int, int, int], PageRows, list[bool]] | None = None
    for v in variants:
        for ln, u in zip(every, before, strict=True):
            ln.used = u
        pr, key = _read(v, _early_reasons(lines), goal)
        if best is None or key < best[0]:
            best = (key, pr, [ln.used for ln in every])
    assert best is not None
    for ln, u in zip(every, best[2], strict=True):
        ln.used = u
    return best[1]


def _zero_actuals(lines: list[Line]) -> list[Line] | None:
    """A bare ``0`` printed right after a value (not after a number) is that row's actual."""
    out: list[Line] = []
    changed = False
    prev: Line | None = None
    for ln in lines:
        if ln.used:
            out.append(ln)
            continue
        if len(ln.toks) == 1 and ln.toks[0].kind == "num" and Decimal(ln.toks[0].text) == 0 and prev is not None and prev.toks and prev.toks[-1].kind in ("value", "percent"):
            ln = Line(ln.no, ln.raw, ln.page, ln.block, [Tok(ln.toks[0].text, "value")])
            changed = True
        out.append(ln)
        prev = ln
    return out if changed else None


def _early_reasons(lines: list[Line]) -> list[Cell]:
    """Sentences printed between the 偏差原因分析 column label and the table header: the
    first rows' reasons, their boxes come out with the header row."""
    label = next((i for i, ln in enumerate(lines) if any(t.text.startswith("偏差原因分析") for t in ln.toks)), None)
    head = next((i for i, ln in enumerate(lines) if any(t.text in ("三级指标", "年度指标值") for t in ln.toks)), None)
    if label is None or head is None or head < label:
        return []
    texts = [ln for ln in lines[label + 1 : head] if not ln.used and len(ln.toks) == 1 and ln.toks[0].kind == "text"]
    out = []
    for c in block_cells(texts):
        text = join(c)
        if text.endswith(("。", "；", ";")):
            out.append(Cell(text, c[0].no, c[0].page, 0.7))
            for ln in c:
                ln.used = True
    return out


def _late_reasons(lines: list[Line], low: int) -> list[Cell]:
    """Sentences printed right after the 偏差原因分析 column label when that label comes
    after the table header (its box printed with the column's cells): the reasons of the
    rows scored below their 分值, at most ``low`` of them. Read with the values, two like
    reasons pair as a qualitative target met as printed and push a row's own sentence out."""
    label = next((i for i, ln in enumerate(lines) if any(t.text.startswith("偏差原因分析") for t in ln.toks)), None)
    head = next((i for i, ln in enumerate(lines) if any(t.text in ("三级指标", "年度指标值") for t in ln.toks)), None)
    if not low or label is None or head is None or label < head:
        return []
    texts: list[Line] = []
    for ln in lines[label + 1 :]:
        if ln.used or len(ln.toks) != 1 or ln.toks[0].kind != "text":
            break
        texts.append(ln)
    out = []
    for c in block_cells(texts)[:low]:
        text = join(c)
        if not text.endswith(("。", "；", ";")):
            break
        out.append(Cell(text, c[0].no, c[0].page, 0.7))
        for ln in c:
            ln.used = True
    return out


def _read(lines: list[Line], early: list[Cell] | None = None, goal: Decimal = WEIGHTS) -> tuple[PageRows, tuple[int, int, int]]:
    pr = PageRows(page=lines[0].page if lines else 0)
    # every bare number left on the page is a 分值 or 得分 (the funds block is claimed)
    run = [ln for ln in lines if not ln.used and len(ln.toks) == 1 and ln.toks[0].kind == "num"]
    nums = [Decimal(ln.toks[0].text) for ln in run]
    for ln in run:
        ln.used = True
    total_idx = next((i for i, ln in enumerate(lines) if any(t.kind == "label" and t.sub == "total" for t in ln.toks)), None)
    if total_idx is not None:
        after = [ln for ln in lines[total_idx + 1 : total_idx + 4] if len(ln.toks) == 1 and ln.toks[0].kind == "num"]
        if len(after) >= 2 and Decimal(after[0].toks[0].text) == 100:
            pr.total, pr.total_weight = Cell(after[1].toks[0].text, after[1].no, after[1].page, 0.9), Cell("100", after[0].no, after[0].page)
            for ln in after[:2]:
                ln.used = True
            keep = [k for k, ln in enumerate(run) if ln not in after[:2]]
            run, nums = [run[k] for k in keep], [nums[k] for k in keep]
    if pr.total is None and len(nums) >= 4 and nums[-2] == 100:
        # 总分 100 / total printed at the end of the number column
        pr.total = Cell(run[-1].toks[0].text, run[-1].no, run[-1].page, 0.85)
        pr.total_weight = Cell("100", run[-2].no, run[-2].page)
        run, nums = run[:-2], nums[:-2]
    at = next((i for i in range(len(nums) - 1) if nums[i] == 100 and nums[i + 1] <= 100), None)
    if pr.total is None and total_idx is not None and at is not None:
        # no row weighs 100: the 总分 row's 100 / total printed inside the number column
        pr.total = Cell(run[at + 1].toks[0].text, run[at + 1].no, run[at + 1].page, 0.8)
        pr.total_weight = Cell("100", run[at].no, run[at].page)
        run, nums = run[:at] + run[at + 2 :], nums[:at] + nums[at + 2 :]
    run, ws, key, moved = _place_glued(run, pr.total, goal)
    doubt = _doubtful(run, ws)
    late = _late_reasons(lines, sum(1 for w, s in ws if Decimal(s.toks[0].text) < Decimal(w.toks[0].text)))
    cells: list[tuple[float, str, Line, bool]] = []  # (order, text, line, is value)
    texts: list[Line] = []

    def flush() -> None:
        for c in block_cells(texts):
            cells.append((c[0].no, join(c), c[0], False))
        texts.clear()

    for ln in lines:
        if ln.used:
            continue
        for t in ln.toks:
            if t.kind == "label" and t.sub in ("l1", "l2"):
                pr.markers.append((ln.no + 0.1, t.sub, t.text))
        content = [t for t in ln.toks if t.kind != "label"]
        if len(content) == 1 and content[0].kind == "text":
            texts.append(ln)
            continue
        flush()
        for k, t in enumerate(content):
            if t.kind in ("value", "percent", "num") or len(content) == 2:
                cells.append((ln.no + k / 10, t.text, ln, t.kind != "text"))
    flush()
    found = assign_paired([c[1] for c in cells], len(ws))
    roles = found[0] if found is not None else None
    if found is not None and roles is not None:
        picked = {r: [Cell(c[1], c[2].no, c[2].page, 0.75) for c, x in zip(cells, roles, strict=True) if x == r] for r in "NTAX"}
        names, rows = picked["N"], _rows_of(cells, roles, found[1])
        # a sentence left over, or a text printed among the 分值/得分 numbers (a reason box
        # comes out beside its row's 得分) or right after them (the 偏差原因 column, boxes
        # of the last rows), is a 偏差原因
        span = (run[0].no, run[-1].no) if run else (0, -1)
        tail = next((c[0] for c, x in zip(cells, roles, strict=True) if c[0] > span[1] and x != "X"), float("inf")) if run else span[1]
        devs = [c for c in picked["X"] if c.text.endswith(("。", "；", ";")) or span[0] < c.line < span[1] or span[1] < c.line < tail]
        ws = _anchor_inline(ws, run, cells, roles, found[1])
        index = {id(ln): k for k, ln in enumerate(run)}
        starts = [k == 0 or index.get(id(w)) != index.get(id(ws[k - 1][0]), -2) + 1 for k, (w, _) in enumerate(ws)]
        rows, names = _untangle(rows, names, ws, starts, moved)
    else:
        rows, names = _pair_values(cells)
        # a sentence (ending 。/；) among the names is a 偏差原因: it goes to a row scored low
        devs = [c for c in names if c.text.endswith(("。", "；", ";"))]
        names = [c for c in names if c not in devs]
    for i, (w, s) in enumerate(ws):
        conf = DOUBTFUL if id(w) in doubt else 0.85
        u = Unit(w.page, w.no, weight=Cell(w.toks[0].text, w.no, w.page, conf), score=Cell(s.toks[0].text, s.no, s.page, conf))
        if i < len(names):
            u.name = names[i]
        if i < len(rows):
            u.target, u.actual = rows[i]
        pr.units.append(u)
    devs = [*(early or []), *late, *devs]
    for u in pr.units:
        if devs and u.weight and u.score and Decimal(u.score.text) < Decimal(u.weight.text):
            u.deviation = devs.pop(0)
    return pr, (min(key[0], 2), 0 if roles is not None else 1, key[1] if key[0] < 2 else 0)


def _untangle(
    rows: list[tuple[Cell | None, Cell | None]], names: list[Cell], ws: list[tuple[Line, Line]], starts: list[bool], moved: set[int] | None = None
) -> tuple[list[tuple[Cell | None, Cell | None]], list[Cell]]:
    """Rows whose streams came out of row order put back (crossing.py), rows printed whole
    after their place moved back (late_rows.py, with their 分值/得分 when printed with
    them: ``ws`` is reordered in place; ``starts`` marks the pairs that begin a chunk of the
    number column); cells placed by the 二级指标 order alone, or names moved by their kind,
    get a lower confidence."""
    nums = [(Decimal(w.toks[0].text), Decimal(s.toks[0].text)) for w, s in ws]
    rows = _follow_moved(rows, ws, moved or set())
    rows, rotated = unrotate_actuals(rows, list(nums))
    rows, names, guessed = uncross(rows, names, list(nums))
    if rotated:
        for t, a in rows:
            for c in (t, a):
                if c is not None:
                    c.conf = min(c.conf, 0.7)
    rows, order, tied = place_late_rows(rows, names, list(nums), [_printed_after(ws[k], rows[k] if k < len(rows) else (None, None)) for k in range(len(ws))], starts)
    ws[:] = [ws[k] for k in order]
    for i in tied:
        guessed.add(i)
    names, moved = match_names(names, rows)
    for i in guessed:
        for c in (*rows[i], names[i] if i < len(names) else None):
            if c is not None:
                c.conf = min(c.conf, GUESSED)
    for i in moved:
        names[i].conf = min(names[i].conf, 0.65)
    return rows, names


def _follow_moved(rows: list[tuple[Cell | None, Cell | None]], ws: list[tuple[Line, Line]], moved: set[int]) -> list[tuple[Cell | None, Cell | None]]:
    """A 分值 the number column took in at another place (:func:`_place_glued`) was printed
    right after its own row's target and actual: that row goes to the 分值's row."""
    out = list(rows)
    for k, (w, _) in enumerate(ws):
        if id(w) not in moved:
            continue
        j = next((j for j, r in enumerate(out) if (cs := [c for c in r if c is not None]) and all(c.page == w.page for c in cs) and 0 <= w.no - max(c.line for c in cs) <= 2), None)
        if j is not None and j != k and k < len(out):
            out.insert(k, out.pop(j))
    return out


def _printed_after(ws: tuple[Line, Line], row: tuple[Cell | None, Cell | None]) -> bool:
    """A 分值/得分 pair printed right after its row's target and actual (a row whose boxes
    came out together)."""
    cells = [c for c in row if c is not None]
    if not cells or any(c.page != ws[0].page for c in cells):
        return False
    return 0 < ws[0].no - max(c.line for c in cells) <= 2 and 0 < ws[1].no - ws[0].no <= 2


def _rows_of(cells: list[tuple[float, str, Line, bool]], roles: list[str], pairs: dict[int, int]) -> list[tuple[Cell | None, Cell | None]]:
    """(target, actual) per row: rows in the targets' printed order, each target with the
    actual it was paired with; actuals left without a target end the list."""
    def mk(k: int) -> Cell:
        return Cell(cells[k][1], cells[k][2].no, cells[k][2].page, 0.75)

    rows: list[tuple[Cell | None, Cell | None]] = []
    for k, r in enumerate(roles):
        if r == "T":
            rows.append((mk(k), mk(pairs[k]) if k in pairs else None))
    rows += [(None, mk(k)) for k, r in enumerate(roles) if r == "A" and k not in pairs]
    return rows


def _anchor_inline(
    ws: list[tuple[Line, Line]], run: list[Line], cells: list[tuple[float, str, Line, bool]], roles: list[str], pairs: dict[int, int] | None = None
) -> list[tuple[Line, Line]]:
    """Put a row's own 分值/得分 back in its place: a lone pair printed right after a target
    or actual (not inside a w1..wk s1..sk chunk) belongs to that value's row; so does a
    pair one of whose numbers ends the line of that row's values (``建立并有效运行
    建立并有效运行 14``), even when the column's other numbers follow it at once. The other
    pairs fill the remaining rows in printed order."""
    index = {id(ln): k for k, ln in enumerate(run)}
    row_of: dict[int, int] = {}
    counts = {"T": 0, "A": 0}
    for k, r in enumerate(roles):
        if r in counts:
            row_of[k] = counts[r]
            counts[r] += 1
    for k, r in enumerate(roles):  # an actual sits in its target's row
        if r == "A" and pairs and k in pairs:
            row_of[k] = row_of[pairs[k]]
    fixed: dict[int, tuple[Line, Line]] = {}
    for w, s in ws:
        if index.get(id(s)) != index.get(id(w), -2) + 1:
            continue
        # a number split off the end of a text line (安全 安全 13) shares the line's number:
        # the cells printed on that line come before it
        before = [k for k, c in enumerate(cells) if c[2].no <= w.no]
        nxt = index[id(s)] + 1
        glued = isinstance(w, _Glued) or isinstance(s, _Glued)  # printed on its row's line
        if nxt < len(run) and run[nxt].no - s.no <= 2 and not glued:
            continue  # going on into more numbers: a stretch of the column, no row's own pair
        prev_num = run[index[id(w)] - 1].no if index[id(w)] > 0 else -1
        row = row_of.get(before[-1]) if before and cells[before[-1]][2].no > prev_num else None
        same = row is not None and row < len(ws) and (ws[row][0].text, ws[row][1].text) == (w.text, s.text)
        if row is not None and row < len(ws) and row not in fixed and not same:  # (no news: keep the order)
            fixed[row] = (w, s)
    rest = iter([p for p in ws if p not in fixed.values()])
    return [fixed[i] if i in fixed else next(rest) for i in range(len(ws))]


DOUBTFUL = 0.6
"""Confidence of a 分值/得分 pair the number column reads two ways alike."""


def _doubtful(run: list[Line], ws: list[tuple[Line, Line]]) -> set[int]:
    """分值 lines (by id) of chunks that read as well the other way: w1..wk s1..sk all
    scored in full whose numbers also make k full pairs (3 3 2 2 3 3 2 2 is rows 3 3 2 2
    or rows 3 2 3 2). Nothing in the text tells them apart; the fewer chunks are kept."""
    index = {id(ln): k for k, ln in enumerate(run)}
    out: set[int] = set()
    i = 0
    while i < len(ws):
        a = index.get(id(ws[i][0]))
        k = 1
        while i + k < len(ws) and a is not None and index.get(id(ws[i + k][0])) == a + k:
            k += 1
        if a is not None and k >= 2 and all(index.get(id(ws[i + x][1])) == a + k + x for x in range(k)):
            nums = [Decimal(ln.toks[0].text) for ln in run[a : a + 2 * k]]
            pairs = [(nums[2 * x], nums[2 * x + 1]) for x in range(k)]
            if nums[:k] == nums[k:] and all(w == s for w, s in pairs) and [w for w, _ in pairs] != nums[:k]:
                out.update(id(ws[i + x][0]) for x in range(k))
        i += k
    return out


def _segment(run: list[Line], nums: list[Decimal], total: Cell | None, goal: Decimal = WEIGHTS) -> tuple[list[tuple[Line, Line]], tuple[int, int, int]]:
    """Cut the number run into (weights, scores) chunks: w1..wk s1..sk, repeated.

    Among the cuts keeping every 得分 ≤ 分值, prefer the one whose weights sum to 90
    (100 less the execution weight) and then the fewest chunks; among cuts alike in
    that, the one whose halves (w1..wk, s1..sk) run across the fewest places where a text
    was printed between two numbers: 1×6 10 21 3 4 6 1 twice then 1 1 after a row's text
    is a chunk of 12 and a lone pair, not a pair 1 1 and a chunk whose 得分 end after the
    text. Two numbers printed alone between texts are a row's own 分值/得分 (its boxes
    came out with the row): a cut splitting them costs as a row not in full, so
    3 3 | 1 1 | 3 3 | 1 1 each after a row's text reads as four pairs, not as the chunk
    3 3 1 1 / 3 3 1 1. When no cut adds up on a one-page table, a chunk may also have one
    column printed in two pieces, the lower rows' first (:func:`_rotated`).
    """
    ws, key = _cut(run, nums, total, False, goal)
    if key[0] != 0 and total is not None and len(nums) <= MAX_BAND_NUMBERS:
        rws, rkey = _cut(run, nums, total, True, goal)
        if rkey[0] == 0:
            return rws, rkey
    return ws, key


def _rotated(nums: list[Decimal]) -> dict[int, list[tuple[int, int, int]]]:
    """Chunks w1..wk s1..sk with one column printed from its row ``r`` on, then its rows
    above ``r`` (``18 8 10 3 3 … 4`` then ``3 3 … 4 18 8 10``: pdfminer emitted the 分值
    boxes of the last three rows before the others): start -> (k, r, side), ``side`` 0
    the 分值 column, 1 the 得分 column; every 得分 ≤ 分值."""
    n = len(nums)
    out: dict[int, list[tuple[int, int, int]]] = {}
    for p in range(n):
        for k in range(2, (n - p) // 2 + 1):
            for side in (0, 1):
                for r in range(1, k):
                    at = (_rotated_pair(p, k, r, side, i) for i in range(k))
                    if all(nums[w] > 0 and nums[s] <= nums[w] for w, s in at):
                        out.setdefault(p, []).append((k, r, side))
    return out


def _rotated_pair(p: int, k: int, r: int, side: int, i: int) -> tuple[int, int]:
    """Where row ``i`` of a rotated chunk (:func:`_rotated`) has its 分值 and 得分."""
    return (p + (r + i) % k, p + k + i) if side == 0 else (p + i, p + k + (r + i) % k)


def _cut(run: list[Line], nums: list[Decimal], total: Cell | None, rotate: bool, goal: Decimal) -> tuple[list[tuple[Line, Line]], tuple[int, int, int]]:
    """The dynamic programme of :func:`_segment`; with ``rotate`` also the chunks of
    :func:`_rotated`, each counted as two chunks (its rotated column is printed in two)."""
    n = len(nums)
    gaps = [0] * (n + 1)  # gaps[i]: breaks between run[j-1] and run[j] for 0 < j < i
    for i in range(1, n):
        before, here = run[i - 1], run[i]
        gaps[i + 1] = gaps[i] + (1 if here.page != before.page or here.no - before.no > 2 else 0)

    def straddles(at: int, k: int) -> int:
        return gaps[at + k] - gaps[at + 1]

    def brk(i: int) -> bool:  # a text printed between run[i - 1] and run[i]
        return i <= 0 or i >= n or gaps[i + 1] > gaps[i]

    lone = [0] * (n + 1)  # lone[i]: pairs printed alone between texts starting before i
    for i in range(n):
        lone[i + 1] = lone[i] + (1 if i + 1 < n and brk(i) and not brk(i + 1) and brk(i + 2) else 0)

    def broken(at: int, k: int) -> int:
        inside = lone[at + 2 * k] - lone[at]
        return inside - (1 if k == 1 and inside else 0)

    # exact dynamic programme over (position, Σ分值 so far): the best reading of the run up
    # to there — (rows not in full, chunks, chunks printed 得分 first) — and its last chunk.
    # A chunk is w1..wk s1..sk, or s1..sk w1..wk (pdfminer may print the 得分 column's box
    # first), whichever keeps every 得分 <= 分值; the 分值 first when both do.
    def cost(c: tuple[int, int, int, int, int]) -> int:
        return 2 * c[1] + 4 * (c[0] + c[4]) + c[2]

    Step = tuple[int, int, bool, int, int]
    table: list[dict[Decimal, tuple[tuple[int, int, int, int, int], Step | None]]] = [{} for _ in range(n + 1)]
    table[0][Decimal(0)] = ((0, 0, 0, 0, 0), None)
    rotations = _rotated(nums) if rotate else {}
    for p in range(n):
        for wsum, ((not_full, chunks, swaps, cross, split), _) in list(table[p].items()):
            for k, r, side in rotations.get(p, ()):
                at = [_rotated_pair(p, k, r, side, i) for i in range(k)]
                w = wsum + sum((nums[a] for a, _ in at), Decimal(0))
                full = sum(1 for a, b in at if nums[a] == nums[b])
                cand = (not_full + k - full, chunks + 2, swaps, cross + straddles(p, k) + straddles(p + k, k), split + broken(p, k))
                old = table[p + 2 * k].get(w)
                if old is None or (cost(cand), cand[1], cand[3]) < (cost(old[0]), old[0][1], old[0][3]):
                    table[p + 2 * k][w] = (cand, (p, k, False, r, side))
            for k in range(1, (n - p) // 2 + 1):
                for swapped in (False, True):
                    ws_at, ss_at = (p + k, p) if swapped else (p, p + k)
                    if not all(nums[ws_at + i] > 0 and nums[ss_at + i] <= nums[ws_at + i] for i in range(k)):  # a 分值 is never 0
                        continue
                    if swapped and all(nums[p + i] > 0 and nums[p + k + i] <= nums[p + i] for i in range(k)):
                        continue  # 得分 first only where 分值 first cannot be
                    w = wsum + sum(nums[ws_at : ws_at + k], Decimal(0))
                    full = sum(1 for i in range(k) if nums[ws_at + i] == nums[ss_at + i])  # most rows score their weight
                    cand = (not_full + k - full, chunks + 1, swaps + swapped, cross + straddles(p, k) + straddles(p + k, k), split + broken(p, k))
                    old = table[p + 2 * k].get(w)
                    if old is None or (cost(cand), cand[1], cand[3]) < (cost(old[0]), old[0][1], old[0][3]):
                        table[p + 2 * k][w] = (cand, (p, k, swapped, 0, 0))
    if not table[n]:
        return [(run[2 * i], run[2 * i + 1]) for i in range(n // 2)], (2, 0, 0)

    def rank(x: Decimal) -> tuple[int, int, int]:
        c = table[n][x][0]
        return (0 if x == goal and total is not None else 1, cost(c), c[1])

    wsum = min(table[n], key=lambda x: (*rank(x), table[n][x][0][3]))
    key = rank(wsum)
    pairs: list[tuple[int, int]] = []
    pos = n
    while pos > 0:
        step = table[pos][wsum][1]
        assert step is not None
        a, k, swapped, r, side = step
        ws_at, ss_at = (a + k, a) if swapped else (a, a + k)
        at = [_rotated_pair(a, k, r, side, i) for i in range(k)] if r else [(ws_at + i, ss_at + i) for i in range(k)]
        pairs[:0] = at
        wsum -= sum((nums[x] for x, _ in at), Decimal(0))
        pos = a
    return [(run[w], run[s]) for w, s in pairs], key


def _pair_values(cells: list[tuple[float, str, Line, bool]]) -> tuple[list[tuple[Cell | None, Cell | None]], list[Cell]]:
    """Target/actual pairs (in printed order of their first cell) and the names left over."""
    def mk(c: tuple[float, str, Line, bool]) -> Cell:
        return Cell(c[1], c[2].no, c[2].page, 0.7)

    used: set[int] = set()
    rows: list[tuple[float, Cell | None, Cell | None]] = []
    text_idx = [i for i, c in enumerate(cells) if not c[3]]
    # a run of qualitative values printed twice: the target column, then the actual column
    # (or the other way round) for the same rows; ordered by the first printing
    run = _repeated_run(cells, text_idx)
    if run is not None:
        first, second = run
        for a, b in zip(first, second, strict=True):
            rows.append((min(cells[a][0], cells[b][0]), mk(cells[a]), mk(cells[b])))
            used.update((a, b))
    for a, b in itertools.pairwise(text_idx):
        if a in used or b in used:
            continue
        if cells[a][1] == cells[b][1]:  # a qualitative target met as printed
            rows.append((cells[a][0], mk(cells[a]), mk(cells[b])))
            used.update((a, b))
    for i, c in enumerate(cells):
        # a deadline target (3月底前) and its completion (按期完成) sit side by side
        nxt = cells[i + 1] if i + 1 < len(cells) else None
        if i in used or nxt is None or i + 1 in used:
            continue
        if lx.affinity(c[1]) == "deadline" and "前" in c[1] and lx.affinity(nxt[1]) == "deadline":
            rows.append((c[0], mk(c), mk(nxt)))
            used.update((i, i + 1))
    targets = [i for i, c in enumerate(cells) if c[3] and i not in used and _COMPARATOR.match(c[1])]
    actuals = [i for i, c in enumerate(cells) if c[3] and i not in targets and i not in used]
    for t in targets:
        unit = _unit_of(cells[t][1])
        free = [x for x in actuals if x not in used]
        pick = next((x for x in free if _unit_of(cells[x][1]) == unit), free[0] if free else None)
        rows.append((cells[t][0], mk(cells[t]), mk(cells[pick]) if pick is not None else None))
        used.add(t)
        if pick is not None:
            used.add(pick)
    for x in actuals:
        if x not in used:
            rows.append((cells[x][0], None, mk(cells[x])))
            used.add(x)
    rows.sort(key=lambda r: r[0])
    names = [mk(c) for i, c in enumerate(cells) if i not in used and not c[3]]
    return [(r[1], r[2]) for r in rows], names


def _repeated_run(cells: list[tuple[float, str, Line, bool]], text_idx: list[int]) -> tuple[list[int], list[int]] | None:
    """The longest run (≥ 3) of consecutive text cells that is printed again later."""
    texts = [cells[i][1] for i in text_idx]
    n = len(texts)
    for m in range(min(12, n // 2), 2, -1):
        for a in range(n - 2 * m + 1):
            if len(set(texts[a : a + m])) < 2:
                continue
            if text_idx[a + m - 1] - text_idx[a] != m - 1:
                continue  # not consecutive in print
            for b in range(a + m, n - m + 1):
                if texts[b : b + m] == texts[a : a + m] and text_idx[b + m - 1] - text_idx[b] == m - 1:
                    return text_idx[a : a + m], text_idx[b : b + m]
    return None
