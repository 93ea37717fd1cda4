"""Tokenising: a dump becomes pages of lines of typed tokens.

Pages are split at form feeds, or (pdfminer-style dumps without form feeds) at runs of
two or more blank lines; blank lines inside a page separate *blocks* (one text box).
Labels wrapped over lines (产出指 / 标, the vertical 绩/效/指/标) are joined back first,
so later stages see one label token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.importers.textdump import lexicon as lx


@dataclass(slots=True)
class Tok:
    text: str
    kind: str
    """label | amount | dash | num | percent | value | text | year."""
    sub: str | None = None
    """For labels: the label kind (l1, l2, fundrow …); the canonical label is ``text``."""


@dataclass(slots=True)
class Line:
    no: int
    """1-based line number in the input."""
    raw: str
    page: int
    block: int
    toks: list[Tok] = field(default_factory=list)
    used: bool = False

    @property
    def text(self) -> str:
        return self.raw.strip()

    def kinds(self) -> list[str]:
        return [t.kind for t in self.toks]


_GLUED_TAIL = re.compile(r"^(.*?\d)(总分|得分|分值)$")


def classify(word: str) -> Tok:
    kind = lx.label_kind(word)
    if kind:
        return Tok(lx.norm_label(word), "label", kind)
    if lx.year_of(word) is not None:
        return Tok(word, "year")
    if lx.is_dash(word):
        return Tok(word, "dash")
    if lx.is_amount(word):
        return Tok(word, "amount")
    if lx.is_num(word):
        return Tok(word, "num")
    if lx.is_percent(word):
        return Tok(word, "percent")
    if lx.is_value(word):
        return Tok(word, "value")
    return Tok(word, "text")


def tokenize_line(text: str) -> list[Tok]:
    """Whitespace-separated tokens; adjacent words forming one label are rejoined."""
    text = re.sub(r"[(（]\s*(\d{4})\s*年度\s*[)）]", r"(\1年度)", text)
    words: list[str] = []
    for w in text.split():
        m = _GLUED_TAIL.match(w)
        if m:
            words.extend([m.group(1), m.group(2)])
            continue
        head = None if lx.label_kind(w) else next(
            (lab for lab in sorted(lx.HEADER_LABELS, key=len, reverse=True) if w.startswith(lab) and len(w) > len(lab)), None
        )
        if head:
            words.extend([head, w[len(head):].lstrip("：:")])
            continue
        words.append(w)
    out: list[Tok] = []
    i = 0
    while i < len(words):
        joined = None
        for j in range(min(len(words), i + 4), i + 1, -1):
            cand = "".join(words[i:j])
            if lx.label_kind(cand) and not lx.label_kind(words[i]):
                joined = (cand, j)
                break
        if joined:
            out.append(classify(joined[0]))
            i = joined[1]
        else:
            out.append(classify(words[i]))
            i += 1
    return out


def split_pages(text: str) -> list[list[tuple[int, str]]]:
    """Pages as lists of (line number, raw line), blank lines kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    pages: list[list[tuple[int, str]]] = [[]]
    has_ff = "\f" in text
    blank_run = 0
    for no, raw in enumerate(lines, 1):
        parts = raw.split("\f")
        for k, part in enumerate(parts):
            if k > 0:
                pages.append([])
                blank_run = 0
            if not has_ff:
                if part.strip() == "":
                    blank_run += 1
                    if blank_run == 2 and any(r.strip() for _, r in pages[-1]):
                        pages.append([])
                        continue
                else:
                    blank_run = 0
            pages[-1].append((no, part))
    return [p for p in pages if any(r.strip() for _, r in p)]


def build_lines(text: str) -> list[list[Line]]:
    """Pages of tokenised, non-blank lines with block numbers and merged labels."""
    out: list[list[Line]] = []
    for pno, page in enumerate(split_pages(text), 1):
        lines: list[Line] = []
        block = 0
        prev_blank = False
        for no, raw in page:
            if raw.strip() == "":
                if not prev_blank:
                    block += 1
                prev_blank = True
                continue
            prev_blank = False
            lines.append(Line(no, raw.rstrip(), pno, block))
        merge_wrapped_labels(lines)
        for ln in lines:
            ln.toks = tokenize_line(ln.raw)
        out.append([ln for ln in lines if ln.raw.strip()])
    return out


def merge_wrapped_labels(lines: list[Line]) -> None:
    """Join single-word lines whose concatenation is a label (产出指/标, 绩/效/指/标).

    One whole label printed between the pieces (服务对象满意度 / 满意度指标 / 指标: the
    merged 一级指标 cell beside the wrapped 二级指标) is stepped over and stays."""
    i = 0
    while i < len(lines):
        first = lines[i].raw.strip()
        if " " in first or not any(k.startswith(first) and k != first for k in lx.ALL_LABELS):
            i += 1
            continue
        cand = first
        best = None
        parts = [i]
        skipped = False
        for j in range(i + 1, min(len(lines), i + 8)):
            nxt = lines[j].raw.strip()
            if " " in nxt:
                break
            if not skipped and len(parts) == 1 and lx.label_kind(nxt) and not any(k.startswith(cand + nxt) for k in lx.ALL_LABELS):
                skipped = True
                continue
            cand += nxt
            parts.append(j)
            if lx.label_kind(cand):
                best = j
            if not any(k.startswith(cand) for k in lx.ALL_LABELS):
                break
        if best is not None:
            used = parts[: parts.index(best) + 1]
            lines[i].raw = "".join(lines[k].raw.strip() for k in used)
            for k in used[1:]:
                lines[k].raw = ""
            i = best + 1 if best == i + len(used) - 1 else i + 1
        else:
            i += 1


_VALUEISH = ("num",)
_VERTICAL = frozenset("绩效指标年度总体目")


def join_value_lines(lines: list[Line]) -> list[Line]:
    """One-cell-per-line dumps: rejoin a row's bare numbers (actual, 分值, 得分) onto one line.

    A run of three numbers is ``actual 分值 得分``; an even run is 分值/得分 pairs (the
    column printed as one block). Pieces of vertical or wrapped labels are dropped.
    """
    kept = _text_before_labels([ln for k, ln in enumerate(lines) if not _label_piece(ln, lines[k - 1] if k else None)])
    out: list[Line] = []
    # numbers above the indicator table's header are the funds block's, one per line
    head_end = next((k for k, ln in enumerate(kept) if any(t.text in ("三级指标", "年度指标值", "一级指标") for t in ln.toks)), 0)
    out.extend(kept[:head_end])
    kept = kept[:head_end] + _regroup_early_weights(_lift_column_labels(kept[head_end:]))
    i = head_end
    while i < len(kept):
        j = i
        while j < len(kept) and len(kept[j].toks) == 1 and kept[j].toks[0].kind == "num":
            j += 1
        run = kept[i:j]
        if len(run) < 2:
            out.append(kept[i])
            i += 1
            continue
        sizes = [3] if len(run) == 3 else [2] * (len(run) // 2) + ([1] if len(run) % 2 else [])
        k = i
        for size in sizes:
            group = kept[k : k + size]
            head = group[0]
            head.toks = [t for g in group for t in g.toks]
            head.raw = " ".join(g.raw.strip() for g in group)
            out.append(head)
            k += size
        i = j
    return out


_VERTICAL = frozenset("绩效指标年度总体目")


def _is_num(ln: Line) -> bool:
    return len(ln.toks) == 1 and ln.toks[0].kind == "num"


def _column_label(ln: Line) -> bool:
    return bool(ln.toks) and all(t.kind == "label" and t.sub == "column" for t in ln.toks)


def _lift_column_labels(lines: list[Line]) -> list[Line]:
    """The table's column heads printed between a row's 分值 and 得分 (the first row
    interleaved with the header: 8 / 得分 / 偏差原因分析 / 5.48) move above the 分值."""
    out = list(lines)
    for i in range(len(out) - 2):
        if not _is_num(out[i]) or (i > 0 and _is_num(out[i - 1])):
            continue  # (a lone 分值: after a run, the labels sit between two rows' numbers)
        j = i + 1
        while j < len(out) and _column_label(out[j]):
            j += 1
        if j > i + 1 and j < len(out) and _is_num(out[j]):
            out[i : j] = [*out[i + 1 : j], out[i]]
    return out


def _regroup_early_weights(lines: list[Line]) -> list[Line]:
    """A row's 分值 printed before its name (the cell sits a little higher than the name's
    text) makes an odd run ``w s w'`` after the row above and a lone ``s'`` after the row
    itself; the ``w'`` moves down to its ``s'`` when the pair reads as 得分 ≤ 分值 (a run of
    three read as actual/分值/得分 is followed by a pair). Longer runs are a column printed
    as one block, not this."""
    out = list(lines)
    i = 0
    while i < len(out):
        if not _is_num(out[i]):
            i += 1
            continue
        j = i
        while j < len(out) and _is_num(out[j]):
            j += 1
        k = j
        while k < len(out) and not _is_num(out[k]):
            k += 1
        m = k
        while m < len(out) and _is_num(out[m]):
            m += 1
        first, second = j - i, m - k
        if first == 3 and second == 1 and k > j:
            w, s = Decimal(out[j - 1].toks[0].text), Decimal(out[k].toks[0].text)
            if w > 0 and s <= w:
                moved = out.pop(j - 1)
                out.insert(k - 1, moved)
                i = k + 1
                continue
        if first == 3 and _far_score(out, i, j):
            i = j + 4
            continue
        i = j
    return out


def _valueish(ln: Line) -> bool:
    return len(ln.toks) == 1 and ln.toks[0].kind in ("value", "percent")


def _footer_number(out: list[Line], x: int) -> bool:
    """A number of the page footer cut one word per line (第 / 26 / 页 / / / 共 / 50 / 页)."""
    return out[x - 1].text.strip() in ("第", "共") or (x + 1 < len(out) and out[x + 1].text.strip().startswith("页"))


def _far_score(out: list[Line], i: int, j: int) -> bool:
    """``w s w'`` after a row that already printed its target and actual (so no number of
    the three is its actual), the next row's name, target and actual after it and no
    number of its own: ``w'`` is that row's 分值, and its 得分 is the one number printed
    alone below the table's 总分 pair (pdftotext put the cell at the page's end). The pair
    moves under the next row's cells (in place)."""
    if i < 2 or not (_valueish(out[i - 1]) and _valueish(out[i - 2])):
        return False
    w0, s0, w1 = (Decimal(out[x].toks[0].text) for x in (i, i + 1, i + 2))
    if not (w0 > 0 and s0 <= w0 and w1 > 0):
        return False
    nxt = out[j : j + 3]
    if len(nxt) < 3 or not _is_text(nxt[0]) or not all(_valueish(x) for x in nxt[1:]):
        return False
    if j + 3 < len(out) and _is_num(out[j + 3]) and not (j + 4 < len(out) and _is_num(out[j + 4])):
        return False  # the row has a number of its own (a lone 得分: the case above)
    total = next((x for x in range(j + 3, len(out) - 1) if _is_num(out[x]) and Decimal(out[x].toks[0].text) == 100 and _is_num(out[x + 1])), None)
    if total is None:
        return False
    lone = [x for x in range(total + 2, len(out)) if _is_num(out[x]) and not _is_num(out[x - 1]) and not (x + 1 < len(out) and _is_num(out[x + 1])) and not _footer_number(out, x)]
    if len(lone) != 1 or Decimal(out[lone[0]].toks[0].text) > w1:
        return False
    score = out.pop(lone[0])
    weight = out.pop(i + 2)
    out[j + 2 : j + 2] = [weight, score]  # (j moved up by one with the weight taken out)
    return True


def _is_text(ln: Line) -> bool:
    return len(ln.toks) == 1 and ln.toks[0].kind == "text"


def _text_before_labels(lines: list[Line]) -> list[Line]:
    """A 二级/一级 label printed inside a wrapped cell's text box (the name column and the
    label column merged into one box) moves before the cell's first line."""
    out = list(lines)
    i = 1
    while i < len(out) - 1:
        j = i
        while j < len(out) and out[j].toks and all(t.kind == "label" and t.sub in ("l1", "l2") for t in out[j].toks):
            j += 1
        prev, nxt = out[i - 1], out[j] if j < len(out) else None
        if j > i and nxt is not None and _is_text(prev) and _is_text(nxt) and prev.block == nxt.block == out[i].block and lx.width(prev.text) > lx.width(nxt.text) >= 2:
            out[i - 1 : j + 1] = [*out[i:j], prev, nxt]
            i = j + 1
        else:
            i += 1
    return out


def _label_piece(ln: Line, prev: Line | None) -> bool:
    """A piece of a vertical or wrapped label; a lone character ending the wrapped text of
    the line above in the same text box (满意 / 度) is that text's last line, not a piece."""
    if len(ln.toks) != 1 or ln.toks[0].kind != "text":
        return False
    text = ln.toks[0].text
    if _label_stub(text):
        return True
    if text not in _VERTICAL:
        return False
    wrapped = prev is not None and prev.block == ln.block and len(prev.toks) == 1 and prev.toks[0].kind == "text"
    return not (wrapped and len(prev.toks[0].text) >= 4 and not _label_stub(prev.toks[0].text))  # type: ignore[union-attr]


def _label_stub(text: str) -> bool:
    return text.endswith("指") and any(k.startswith(text) for k in lx.LEVEL1 + tuple(lx.LEVEL2))
