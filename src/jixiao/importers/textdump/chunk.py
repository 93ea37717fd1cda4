"""A few rows printed column by column inside a row-order dump.

Plain pdftotext sometimes prints the last rows of a page (or a band of rows) by columns:
the 分值/得分 pairs of k rows one after the other, then the k names, then the k
target/actual pairs. :func:`read_chunk` cuts such lines into exactly k rows — names
first (wrapped names kept whole by the wrap rule), then the pairs: two one-line cells,
or one line holding both cells with their wrapped continuations printed alternately
under it. Anything that does not fit that grammar is left to the row reader.
"""

from __future__ import annotations

from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.tokens import Line
from jixiao.importers.textdump.wrap import join, split_exact


def _single(ln: Line) -> bool:
    return len(ln.toks) == 1 and ln.toks[0].kind in ("text", "value", "percent")


def _pair_start(lines: list[Line], i: int) -> bool:
    ln = lines[i]
    if len(ln.toks) == 2:
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return nxt is not None and _single(ln) and _single(nxt) and (lx.is_value(ln.text) or ln.text == nxt.text)


def _pairs(lines: list[Line], k: int) -> tuple[list[tuple[str, str]], int] | None:
    """k target/actual pairs from the start of ``lines``, and how many lines they took;
    a line holding both cells takes as many continuation lines as leave the rest readable."""
    if k == 0:
        return [], 0
    if not lines:
        return None
    ln = lines[0]
    if len(ln.toks) == 2 and all(t.kind != "num" for t in ln.toks):
        most = 0
        full = min(lx.width(t.text) for t in ln.toks) - 2
        while 2 * most + 2 < len(lines) and _continuation(lines[1 + 2 * most]) and _continuation(lines[2 + 2 * most]):
            most += 1
            if min(lx.width(lines[2 * most - 1].text), lx.width(lines[2 * most].text)) < full:
                break  # a short line ends the wrapped cells
        for c in range(most, -1, -1):
            rest = _pairs(lines[1 + 2 * c :], k - 1)
            if rest is not None:
                t = ln.toks[0].text + "".join(x.text for x in lines[1 : 1 + 2 * c : 2])
                a = ln.toks[1].text + "".join(x.text for x in lines[2 : 2 + 2 * c : 2])
                return [(t, a), *rest[0]], 1 + 2 * c + rest[1]
        return None
    if len(lines) >= 2 and _single(ln) and _single(lines[1]) and _pair_start(lines, 0):
        rest = _pairs(lines[2:], k - 1)
        if rest is not None:
            return [(ln.text, lines[1].text), *rest[0]], 2 + rest[1]
    return None


def _continuation(ln: Line) -> bool:
    return len(ln.toks) == 1 and ln.toks[0].kind == "text"


def read_chunk(lines: list[Line], k: int) -> tuple[list[tuple[list[Line], str, str]], list[Line]] | None:
    """(name lines, target, actual) for k rows, and the lines left after them."""
    start = next((m for m in range(k, len(lines)) if _pair_start(lines, m)), None)
    if start is None or not all(_continuation(ln) for ln in lines[:start]):
        return None
    got = _pairs(lines[start:], k)
    if got is None:
        return None
    pairs, used = got
    names = split_exact(lines[:start], k)
    if any(not n for n in names) or any(lx.is_value(join(n)) for n in names):
        return None
    return [(n, t, a) for n, (t, a) in zip(names, pairs, strict=True)], lines[start + used :]
