"""Rebuild the ruled table of a PDF page: border segments -> cells, merged cells included.

The x and y positions of all border segments cut the page into elementary boxes;
two neighbouring boxes belong to the same cell unless a border segment separates them.
This union of boxes gives merged cells for free (the vertical 绩效指标 label, 一级/二级
cells spanning rows), and a merged cell whose outer border is missing is still closed
by its neighbours' borders. Characters are then dropped into the cell under their
centre; characters under no cell are returned separately so that the caller can use
them (titles above the table) or report them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from jixiao.importers.grid import Cell, Row

SNAP = 2.0
"""Border positions closer than this (points) are the same border."""
THIN = 3.0
"""A filled rectangle thinner than this is drawn as a line."""


@dataclass(slots=True)
class _Seg:
    pos: float
    start: float
    end: float


def _curve_lines(curves: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Axis-parallel pieces of polylines (some writers draw a row's borders as one path)."""
    out: list[dict[str, Any]] = []
    for cv in curves:
        pts = cv.get("pts") or []
        for (xa, ya), (xb, yb) in pairwise(pts):
            if abs(ya - yb) <= 0.5 or abs(xa - xb) <= 0.5:
                out.append({"x0": min(xa, xb), "x1": max(xa, xb), "top": min(ya, yb), "bottom": max(ya, yb)})
    return out


def _segments(lines: Iterable[dict[str, Any]], rects: Iterable[dict[str, Any]]) -> tuple[list[_Seg], list[_Seg]]:
    hor: list[_Seg] = []
    ver: list[_Seg] = []
    for ln in lines:
        x0, x1, top, bottom = ln["x0"], ln["x1"], ln["top"], ln["bottom"]
        if bottom - top <= THIN and x1 - x0 > THIN:
            hor.append(_Seg((top + bottom) / 2, x0, x1))
        elif x1 - x0 <= THIN and bottom - top > THIN:
            ver.append(_Seg((x0 + x1) / 2, top, bottom))
    for r in rects:
        x0, x1, top, bottom = r["x0"], r["x1"], r["top"], r["bottom"]
        w, h = x1 - x0, bottom - top
        if h <= THIN and w > THIN:
            hor.append(_Seg((top + bottom) / 2, x0, x1))
        elif w <= THIN and h > THIN:
            ver.append(_Seg((x0 + x1) / 2, top, bottom))
        elif w > THIN and h > THIN:
            hor += [_Seg(top, x0, x1), _Seg(bottom, x0, x1)]
            ver += [_Seg(x0, top, bottom), _Seg(x1, top, bottom)]
    return hor, ver


def _cluster(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    group: list[float] = []
    for v in sorted(values):
        if group and v - group[-1] > SNAP:
            out.append(sum(group) / len(group))
            group = []
        group.append(v)
    if group:
        out.append(sum(group) / len(group))
    return out


def _index(segs: list[_Seg], positions: list[float]) -> list[list[tuple[float, float]]]:
    """Per border position, its merged covered intervals."""
    per: list[list[tuple[float, float]]] = [[] for _ in positions]
    for s in segs:
        i = _nearest(positions, s.pos)
        if abs(positions[i] - s.pos) <= SNAP * 1.5:
            per[i].append((s.start, s.end))
    merged: list[list[tuple[float, float]]] = []
    for intervals in per:
        intervals.sort()
        out: list[tuple[float, float]] = []
        for a, b in intervals:
            if out and a <= out[-1][1] + SNAP:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        merged.append(out)
    return merged


def _nearest(positions: list[float], v: float) -> int:
    i = bisect_right(positions, v)
    if i == 0:
        return 0
    if i == len(positions):
        return i - 1
    return i if positions[i] - v < v - positions[i - 1] else i - 1


def _covered(intervals: list[tuple[float, float]], a: float, b: float) -> bool:
    """Does a border cover most of [a, b]?"""
    need = (b - a) * 0.6
    got = 0.0
    for s, e in intervals:
        lo, hi = max(s, a), min(e, b)
        if hi > lo:
            got += hi - lo
    return got >= need


@dataclass(slots=True)
class PageGrid:
    rows: list[Row]
    outside: list[dict[str, Any]]
    """Characters in no cell."""
    top: float
    bottom: float
    left: float
    right: float


class _UF:
    __slots__ = ("parent",)

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        p = self.parent
        while p[a] != a:
            p[a] = p[p[a]]
            a = p[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _layers(line: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Split a printed line into strings drawn over one another (text spilled from a
    neighbouring merged cell can overprint a label); normally there is one layer."""
    line.sort(key=lambda c: c["x0"])
    layers: list[list[dict[str, Any]]] = []
    for ch in line:
        slack = (ch.get("size") or 10) * 0.25
        for layer in layers:
            if layer[-1]["x1"] <= ch["x0"] + slack:
                layer.append(ch)
                break
        else:
            layers.append([ch])
    return layers


def text_lines(chars: list[dict[str, Any]]) -> tuple[list[str], list[tuple[float, float, str, int]]]:
    """Characters of one cell -> printed lines and positioned words (x0, x1, text, line)."""
    if not chars:
        return [], []
    chars = sorted(chars, key=lambda c: (c["top"], c["x0"]))
    lines: list[list[dict[str, Any]]] = []
    line_top = None
    for ch in chars:
        size = ch.get("size") or 10
        if line_top is None or ch["top"] - line_top > size * 0.5:
            lines.append([])
            line_top = ch["top"]
        lines[-1].append(ch)
    lines = [layer for line in lines for layer in _layers(line)]
    out: list[str] = []
    words: list[tuple[float, float, str, int]] = []
    for n, line in enumerate(lines):
        buf: list[str] = []
        word: list[str] = []
        wx0 = wx1 = None
        prev = None
        for ch in line:
            t = ch["text"]
            size = ch.get("size") or 10
            gap = ch["x0"] - prev["x1"] if prev is not None else 0.0
            if prev is not None and gap > size * 0.3 and t != " " and prev["text"] != " ":
                buf.append(" ")
            if prev is not None and (t == " " or gap > size * 0.3) and word:
                words.append((wx0, wx1, "".join(word), n))  # type: ignore[arg-type]
                word = []
            if t != " ":
                if not word:
                    wx0 = ch["x0"]
                word.append(t)
                wx1 = ch["x1"]
            buf.append(t)
            prev = ch
        if word:
            words.append((wx0, wx1, "".join(word), n))  # type: ignore[arg-type]
        out.append("".join(buf))
    return out, words


def _keep_runs_together(placed: list[tuple[dict[str, Any], int, int]], xs: list[float]) -> list[tuple[dict[str, Any], int, int]]:
    """Text that runs across a cell border (an unwrapped spill, or clipped text such as
    an HTML screen-reader caption) belongs to the cell where the run starts, not in
    pieces to every cell it crosses."""
    by_line: dict[tuple[int, float], list[int]] = {}
    for k, (ch, i, _j) in enumerate(placed):
        by_line.setdefault((i, round(ch["top"], 0)), []).append(k)
    out = list(placed)
    for members in by_line.values():
        members.sort(key=lambda k: placed[k][0]["x0"])
        run: list[int] = []
        for k in [*members, -1]:
            nxt = placed[k][0] if k >= 0 else None
            if run and (nxt is None or nxt["x0"] - placed[run[-1]][0]["x1"] > (nxt.get("size") or 10) * 0.3):
                crosses = any(
                    placed[m][0]["x0"] < xs[placed[m][2]] - 1 or placed[m][0]["x1"] > xs[placed[m][2] + 1] + 1
                    for m in run
                )
                if crosses:
                    first = placed[run[0]]
                    for m in run:
                        out[m] = (placed[m][0], first[1], first[2])
                run = []
            if k >= 0:
                run.append(k)
    return out


@dataclass(slots=True)
class Skeleton:
    """The ruled grid without text: border positions and the merged cells (as boxes)."""

    xs: list[float]
    ys: list[float]
    uf: _UF
    boxes: dict[int, list[int]]
    """Root elementary box -> [first row, last row, first column, last column]."""

    @property
    def nj(self) -> int:
        return len(self.xs) - 1

    def bbox(self, root: int) -> tuple[float, float, float, float]:
        i0, i1, j0, j1 = self.boxes[root]
        return self.xs[j0], self.ys[i0], self.xs[j1 + 1], self.ys[i1 + 1]


def skeleton(lines: Iterable[dict[str, Any]], rects: Iterable[dict[str, Any]]) -> Skeleton | None:
    """Cells from border segments (pdfplumber line/rect dicts), or ``None`` without a table."""
    hor, ver = _segments(lines, rects)
    if len(hor) < 2 or len(ver) < 2:
        return None
    xs = _cluster([s.pos for s in ver])
    ys = _cluster([s.pos for s in hor])
    if len(xs) < 2 or len(ys) < 2:
        return None
    vidx = _index(ver, xs)
    hidx = _index(hor, ys)
    ni, nj = len(ys) - 1, len(xs) - 1
    uf = _UF(ni * nj)
    for i in range(ni):
        a, b = ys[i], ys[i + 1]
        for j in range(1, nj):
            if not _covered(vidx[j], a, b):
                uf.union(i * nj + j - 1, i * nj + j)
    for i in range(1, ni):
        for j in range(nj):
            if not _covered(hidx[i], xs[j], xs[j + 1]):
                uf.union((i - 1) * nj + j, i * nj + j)
    boxes: dict[int, list[int]] = {}
    for i in range(ni):
        for j in range(nj):
            root = uf.find(i * nj + j)
            box = boxes.get(root)
            if box is None:
                boxes[root] = [i, i, j, j]
            else:
                box[0] = min(box[0], i)
                box[1] = max(box[1], i)
                box[2] = min(box[2], j)
                box[3] = max(box[3], j)
    return Skeleton(xs, ys, uf, boxes)


def rows_of(sk: Skeleton, cells: dict[int, Cell], page_number: int) -> list[Row]:
    """Rows of cells; a row where no cell starts (every cell continues from above) is skipped."""
    ni = len(sk.ys) - 1
    starts: set[int] = set()
    spans: list[list[int]] = [[] for _ in range(ni)]
    for root, (i0, i1, _j0, _j1) in sk.boxes.items():
        starts.add(i0)
        for i in range(i0, i1 + 1):
            spans[i].append(root)
    rows: list[Row] = []
    for i in range(ni):
        if i in starts:
            row_cells = sorted((cells[r] for r in spans[i]), key=lambda c: c.x0)
            rows.append(Row(row_cells, page=page_number, index=i, y=sk.ys[i]))
    return rows


def build_grid(page: Any, page_number: int) -> PageGrid | None:
    """The ruled grid of a pdfplumber page, or ``None`` when it has no table borders."""
    sk = skeleton([*page.lines, *_curve_lines(page.curves)], page.rects)
    if sk is None:
        return None
    xs, ys, uf, boxes, nj = sk.xs, sk.ys, sk.uf, sk.boxes, sk.nj
    chars_of: dict[int, list[dict[str, Any]]] = {}
    outside: list[dict[str, Any]] = []
    top, bottom, left, right = ys[0], ys[-1], xs[0], xs[-1]
    straddling = False
    placed: list[tuple[dict[str, Any], int, int]] = []
    for ch in page.chars:
        cx = (ch["x0"] + ch["x1"]) / 2
        cy = (ch["top"] + ch["bottom"]) / 2
        if not (left <= cx < right and top <= cy < bottom):
            outside.append(ch)
            continue
        j = bisect_right(xs, cx) - 1
        i = bisect_right(ys, cy) - 1
        placed.append((ch, i, j))
        if ch["x0"] < xs[j] - 1 or ch["x1"] > xs[j + 1] + 1:
            straddling = True
    if straddling:
        placed = _keep_runs_together(placed, xs)
    for ch, i, j in placed:
        chars_of.setdefault(uf.find(i * nj + j), []).append(ch)
    cells: dict[int, Cell] = {}
    for root, (i0, _i1, j0, j1) in boxes.items():
        lines, words = text_lines(chars_of.get(root, []))
        cells[root] = Cell(lines, xs[j0], xs[j1 + 1], ref=f"R{i0 + 1}C{j0 + 1}", words=words or None)
    return PageGrid(rows_of(sk, cells, page_number), outside, top, bottom, left, right)
