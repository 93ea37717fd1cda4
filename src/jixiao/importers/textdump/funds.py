"""The 项目资金 block: four fund rows × three columns, and the execution cells.

Dumps print a row's label with only some of its amounts (pdfminer puts the 年初预算数
column beside the labels and the other columns in a box of their own). Amount runs that
follow a row label on its line belong to it (left columns); runs printed without a label
("orphans") fill, in printed order, the rows that still miss columns (right columns).
The execution weight/rate/score are found around the only rate-like percent near the
amounts and checked with the form's own arithmetic: 得分 = 分值 × 执行率, 执行率 =
全年执行数 / 全年预算数.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from jixiao.core.model import FUND_COLUMNS, FUND_ROWS
from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.fundgrid import consistency, solve, solve_gaps, solve_moved
from jixiao.importers.textdump.sections import Found
from jixiao.importers.textdump.tokens import Line, Tok

_FUNDISH = ("amount", "dash", "num", "percent")
_TABLE_HEAD = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值")


@dataclass
class FundsReading:
    cells: dict[str, Found] = field(default_factory=dict)
    """"funds.total.executed" -> Found, "execution.rate_percent" -> Found …"""
    unit: str | None = None
    notes: list[str] = field(default_factory=list)


def dec(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").rstrip("%"))
    except InvalidOperation:
        return None


def _run(toks: list[Tok], labeled: bool = False) -> list[Tok]:
    """Amounts (and dashes) at the start of ``toks``; after a row label, any plain number
    (万元 forms print 859.25) up to the three fund columns."""
    out: list[Tok] = []
    for t in toks:
        if t.kind in ("amount", "dash") or (labeled and t.kind == "num" and len(out) < 3 and ("." in t.text or len(out) < 2)):
            out.append(t)
        else:
            break
    return out


def read_funds(lines: list[Line]) -> FundsReading:
    res = FundsReading()
    labeled: dict[str, list[tuple[Tok, Line]]] = {}
    orphans: list[list[tuple[Tok, Line]]] = []
    pending: list[str] = []
    """Row labels printed without amounts, oldest first: a box of several labels is
    followed by their amounts in row order, so the first open label takes the next run."""
    last_fund_idx = -10
    cur: list[tuple[Tok, Line]] | None = None
    _execution(lines, res)  # first: its 分值/得分 printed one per line are not amounts
    for idx, ln in enumerate(lines):
        toks = ln.toks
        for t in toks:
            if t.kind == "label" and t.sub == "unit":
                res.unit = lx.UNIT_LABELS.get(t.text) or res.unit
        if re.search(r"[（(]万元[)）]|单位[：:]\s*万元|资金.{0,3}万元", ln.text):
            res.unit = "万元"
        if ln.used:
            if idx - last_fund_idx == 1:
                last_fund_idx = idx  # the execution cells printed among the amounts
            continue
        if toks and all(t.kind == "label" and t.sub == "fundcol" for t in toks):
            last_fund_idx = idx  # 全年执行数: the amounts (万元: 683.94) may follow at once
            continue
        row_idx = next((i for i, t in enumerate(toks) if t.kind == "label" and t.sub == "fundrow"), None)
        if row_idx is not None:
            row = lx.FUND_ROW_LABELS[toks[row_idx].text]
            run = _run(toks[row_idx + 1 :], labeled=True)
            labeled.setdefault(row, []).extend((t, ln) for t in run)
            # labels printed one after another wait in turn; one already taking amounts is done
            pending = [] if run else [*(p for p in pending if not labeled[p]), row]
            cur = labeled[row]
            ln.used = all(t.kind in (*_FUNDISH, "label") for t in toks)
            last_fund_idx = idx
            continue
        kinds = ln.kinds()
        if pending and len(ln.toks) == 1 and kinds[0] in ("num", "amount", "dash"):
            # a row label printed alone, its amounts one per line below it (万元 forms: 859.25)
            labeled[pending[0]].append((ln.toks[0], ln))
            ln.used = True
            last_fund_idx = idx
            if len([p for p in labeled[pending[0]] if p[0].text != "—"]) >= 3:
                cur, pending = labeled[pending[0]], pending[1:]
            continue
        if not kinds or any(k not in _FUNDISH for k in kinds):
            if not all(t.kind == "label" for t in toks):
                cur = None
            if any(t.sub in ("l1", "l2") or t.text in _TABLE_HEAD for t in toks):
                pending = []  # the indicator table: its numbers are no amounts
            continue
        has_amount = "amount" in kinds
        all_dash = all(k == "dash" for k in kinds)
        near = idx - last_fund_idx <= 2
        small = (pending or near) and toks[0].kind == "num" and re.fullmatch(r"\d+\.\d\d", toks[0].text)  # 万元: 364.49 —
        if not (has_amount or small or (all_dash and (near or pending))):
            continue
        run = _run(toks, labeled=bool(small))
        if not run:
            continue
        if pending:
            labeled[pending[0]].extend((t, ln) for t in run)
            cur, pending = labeled[pending[0]], pending[1:]
        elif cur is not None and len(toks) == 1 and idx - last_fund_idx == 1:
            cur.extend((t, ln) for t in run)
        else:
            cur = [(t, ln) for t in run]
            orphans.append(cur)
        ln.used = len(run) == len(toks) or has_amount
        last_fund_idx = idx
    rows: dict[str, list[tuple[Tok, Line]]] = {}
    for row in FUND_ROWS:
        rows[row] = [p for p in labeled.get(row, [])]
    queue = list(orphans)
    for row in FUND_ROWS:
        if not queue:
            break
        if len([p for p in rows[row] if p[0].text != "—"]) >= 3:
            continue
        rows[row] = rows[row] + queue.pop(0)
    for row, cells in rows.items():
        if len(cells) > 3:
            cells = [p for p in cells if p[0].text != "—"][:3]
        conf = 0.95 if (row in labeled and len(labeled[row]) == len(cells)) else 0.85
        for col, (tok, ln) in zip(FUND_COLUMNS, cells, strict=False):
            value = None if tok.kind == "dash" else dec(tok.text)
            res.cells[f"funds.{row}.{col}"] = Found(value, ln.no, ln.page, conf)
    _regrid([p for ps in labeled.values() for p in ps] + [p for o in orphans for p in o], res, lines)
    return res


def _regrid(found: list[tuple[Tok, Line]], res: FundsReading, lines: list[Line]) -> None:
    """When the reading does not add up, try every printed order of the twelve amounts
    (with the small ones, 619.23, printed after the others without a thousands comma),
    or of the ten or eleven printed when the dump dropped a cell or two; when no order
    adds up, with the last amount printed (a row's first, printed beside the labels) put
    back anywhere earlier."""
    seq = sorted((p for p in found if p[0].text != "—"), key=lambda p: (p[1].page, p[1].no))
    if 0 < len(seq) < 12 and seq[-1][1] in lines:
        taken = {f.line for k, f in res.cells.items() if k.startswith("execution.")}
        last = lines.index(seq[-1][1])
        for ln in lines[last + 1 : last + 16]:
            if ln.no in taken or (ln.toks and all(t.kind == "label" and t.sub in ("column", "goal") for t in ln.toks)):
                continue  # the execution cells, a label box printed among the amounts (得分, 预期目标)
            if any(t.kind not in _FUNDISH for t in ln.toks):
                break
            seq.extend((t, ln) for t in ln.toks if t.kind == "amount" or (t.kind == "num" and re.fullmatch(r"\d+\.\d\d", t.text)) or (t.kind == "dash" and t.text != "—"))
    values = [None if t.kind == "dash" else dec(t.text) for t, _ in seq]
    rate_f = res.cells.get("execution.rate_percent")
    rate = rate_f.value if rate_f is not None and isinstance(rate_f.value, Decimal) else None
    current = [[_value(res.cells.get(f"funds.{row}.{col}")) for col in FUND_COLUMNS] for row in FUND_ROWS]
    # a dump may leave out a cell or two of an empty row (a repeated "-"): the
    # arithmetic then also says which cells went unprinted
    solved = solve(values, rate) if len(values) == len(FUND_ROWS) * len(FUND_COLUMNS) else solve_gaps(values, rate)
    full = 2 * len(FUND_COLUMNS) + (2 if rate is not None else 0)
    if solved is None or solved[1] < full:
        # a row's first amount printed after the others, beside the labels
        loose = solve_moved(values, rate)
        if loose is not None and (solved is None or loose[1] > solved[1]):
            solved = loose
    if solved is None or solved[1] <= consistency(current, rate):
        return
    for r, row in enumerate(FUND_ROWS):
        for c, col in enumerate(FUND_COLUMNS):
            i = solved[0][r][c]
            if i < 0:
                res.cells.pop(f"funds.{row}.{col}", None)
                continue
            _tok, ln = seq[i]
            res.cells[f"funds.{row}.{col}"] = Found(values[i], ln.no, ln.page, 0.8)


def _value(f: Found | None) -> Decimal | None:
    return f.value if f is not None and isinstance(f.value, Decimal) else None


def _stream(lines: list[Line]) -> list[tuple[Tok, Line, int]]:
    return [(t, ln, i) for i, ln in enumerate(lines) for t in ln.toks]


def _round2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _execution(lines: list[Line], res: FundsReading) -> None:
    stream = _stream(lines)
    amount_lines = [i for i, ln in enumerate(lines) if any(t.kind == "amount" for t in ln.toks)]
    label_lines = [i for i, ln in enumerate(lines) if any(t.text == "执行率" for t in ln.toks)]
    anchors = amount_lines + label_lines
    if not anchors:
        return
    best = None
    for pos, (t, ln, i) in enumerate(stream):
        if t.kind != "percent":
            continue
        if any(k not in (*_FUNDISH, "label") for k in ln.kinds()):
            continue
        dist = min(abs(i - a) for a in anchors)
        if dist > 8:
            continue
        decimals = 1 if "." in t.text else 0
        key = (dist - 3 * decimals, pos)
        if best is None or key < best[0]:
            best = (key, pos)
    if best is None:
        return
    pos = best[1]
    rate_tok, rate_line, _ = stream[pos]
    rate = dec(rate_tok.text)
    if rate is None:
        return
    res.cells["execution.rate_percent"] = Found(rate, rate_line.no, rate_line.page, 0.95)
    nums = [(p, t, ln) for p, (t, ln, _i) in enumerate(stream) if (t.kind == "num" and not ln.used) or p in (pos - 1, pos + 1)]
    nums = [(p, t, ln) for p, t, ln in nums if t.kind == "num" and len(ln.toks) <= 5 and all(k in _FUNDISH or k == "label" for k in ln.kinds())]
    before = stream[pos - 1] if pos > 0 else None
    after = stream[pos + 1] if pos + 1 < len(stream) else None
    weight: tuple[Decimal, Line, float] | None = None
    score: tuple[Decimal, Line, float] | None = None
    if before and before[0].kind == "num":
        weight = (Decimal(before[0].text), before[1], 0.95)
    if after and after[0].kind == "num":
        score = (Decimal(after[0].text), after[1], 0.95)
    if weight and score and abs(score[0] - _round2(weight[0] * min(rate, Decimal(100)) / 100)) > Decimal("0.01"):
        score = None  # the number after the rate is not its 得分 (an amount printed there)
    if weight and not score:
        want = _round2(weight[0] * min(rate, Decimal(100)) / 100)
        cands = [(abs(p - pos), t, ln) for p, t, ln in nums if p != pos - 1 and abs(Decimal(t.text) - want) <= Decimal("0.01")]
        if cands:
            _, t, ln = min(cands, key=lambda c: c[0])
            score = (Decimal(t.text), ln, 0.85)
    if score and not weight:
        cands = [
            (abs(p - pos), t, ln)
            for p, t, ln in nums
            if p != pos + 1 and Decimal(t.text) > 0 and abs(_round2(Decimal(t.text) * rate / 100) - score[0]) <= Decimal("0.01")
        ]
        if cands:
            _, t, ln = min(cands, key=lambda c: c[0])
            weight = (Decimal(t.text), ln, 0.85)
    if weight:
        res.cells["execution.weight"] = Found(weight[0], weight[1].no, weight[1].page, weight[2])
        _claim(weight[1])
    if score:
        res.cells["execution.score"] = Found(score[0], score[1].no, score[1].page, score[2])
        _claim(score[1])
    _claim(rate_line)


def _claim(ln: Line) -> None:
    """Mark an execution cell's line read, unless it also prints a row's label or amounts."""
    if not any(t.kind == "amount" or t.sub == "fundrow" for t in ln.toks):
        ln.used = True
