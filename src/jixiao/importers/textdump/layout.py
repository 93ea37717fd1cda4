"""``pdftotext -layout`` dumps: cells rebuilt from the columns the spaces preserve.

Every line is cut into fragments at runs of 2+ spaces (and a fragment spanning two
columns at its single spaces). Lines ending in two weight/score numbers are the table's
anchors; their fragments, read right to left (得分, 分值, 实际完成值, 年度指标值, 三级指标),
give the column centres of the page. A wrapped cell prints its lines above and below its
anchor (vertically centred), so every other line goes to the nearest anchor within its
blank-line-separated band, and each fragment to the column whose centre is nearest.
The two 年度总体目标 columns are separated the same way, by the 实际完成情况 label's column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from statistics import median

from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.layout_cells import rebalance
from jixiao.importers.textdump.rows import Cell, PageRows, Unit
from jixiao.importers.textdump.tokens import Line, merge_wrapped_labels, tokenize_line

_DEV = "偏差原因分析及改进措施"


class LayoutPage(list[Line]):
    """The header lines of a page (for the generic readers) plus its indicator rows."""

    page_rows: PageRows
    centres: dict[str, float]
    """Column centres read off this page's rows (a page's own, else the page before's)."""


def _w(text: str) -> int:
    return len(text)


def fragments(raw: str) -> list[tuple[int, str]]:
    """Words with their display column (CJK characters are two columns wide)."""
    return [(_w(raw[: m.start()]), m.group(0)) for m in re.finditer(r"\S+", raw)]


def _is_num(s: str) -> bool:
    return lx.is_num(s)


def _anchor_index(frags: list[tuple[int, str]]) -> int | None:
    """Index of the 分值 fragment when the line holds a 分值 得分 pair, else None."""
    for i in range(len(frags) - 2, -1, -1):
        if _is_num(frags[i][1]) and _is_num(frags[i + 1][1]):
            rest = frags[i + 2 :]
            if all(not _is_num(t) and not lx.is_value(t) for _, t in rest) and Decimal(frags[i][1]) <= 100:
                return i
    return None


def layout_pages(text: str) -> list[list[Line]]:
    out: list[list[Line]] = []
    lineno = 0
    prior: dict[str, float] = {}
    for _pno, page in enumerate(text.split("\f"), 1):
        raws = page.split("\n")
        numbered = [(lineno + i + 1, r) for i, r in enumerate(raws)]
        lineno += len(raws) - 1
        if not any(r.strip() for _, r in numbered):
            continue
        read = _page(numbered, len(out) + 1, prior)
        prior = read.centres or prior
        out.append(read)
    return out


def _page(numbered: list[tuple[int, str]], pno: int, prior: dict[str, float] | None = None) -> LayoutPage:
    """``prior``: the column centres of the page before, for a page whose rows all wrap."""
    header_idx = next((i for i, (_, r) in enumerate(numbered) if "三级指标" in r or "年度指标值" in r), None)
    first_anchor = next((i for i, (_, r) in enumerate(numbered) if _anchor_index(fragments(r)) is not None and "年度资金总额" not in r and "%" not in r.split()[-2:][0]), None)
    if header_idx is not None:
        table_start = header_idx + 1
    elif any("项目名称" in r or lx.TITLE in r.replace(" ", "") for _, r in numbered):
        table_start = first_anchor if first_anchor is not None else len(numbered)
    else:
        table_start = 0
    head = numbered[:header_idx if header_idx is not None else table_start]
    # the lines just above the table's header that hold only its pieces (偏差原因分析及改进
    # wrapped above it, letters of the vertical 绩效指标, a merged label continued from the
    # page before) are no header text: a continuation page would offer them as a late
    # 实际完成情况 paragraph. The labels among them go to the table.
    moved: list[tuple[int, str]] = []
    while head and all((len(t) == 1 and t.isalpha()) or t in _DEV or lx.label_kind(t) in ("l1", "l2") for _, t in fragments(head[-1][1])):
        no, raw = head.pop()
        if not any(t in _DEV for _, t in fragments(raw)):
            moved.insert(0, (no, raw))
    lp = LayoutPage(_header_lines(head, pno))
    label_x = _label_column(numbered[header_idx][1]) if header_idx is not None else None
    lp.page_rows, lp.centres = _table(moved + numbered[table_start:], pno, label_x, lead=len(moved), prior=prior)
    return lp


def _join_wrapped_labels(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A label wrapped in its narrow cell (项目资金（万 / 元）) continues a few lines down at
    the same left edge, with other rows' cells printed between: join it back there."""
    out = list(numbered)
    for i, (no, raw) in enumerate(out):
        frs = fragments(raw)
        if len(frs) != 1 or not lx.label_prefix(frs[0][1]):
            continue
        x0, cand = frs[0]
        for j in range(i + 1, min(len(out), i + 4)):
            nfr = fragments(out[j][1])
            if not nfr or abs(nfr[0][0] - x0) > 4:
                continue
            joined = cand + nfr[0][1]
            if lx.label_kind(joined):
                out[i] = (no, raw[:x0] + joined)
                x, t = nfr[0]
                out[j] = (out[j][0], out[j][1][:x] + " " * len(t) + out[j][1][x + len(t) :])
            break
    return out


def _header_lines(numbered: list[tuple[int, str]], pno: int) -> list[Line]:
    numbered = _join_wrapped_labels(numbered)
    lines: list[Line] = []
    goal_col: int | None = None
    expected: list[Line] = []
    actual: list[Line] = []
    block = 0
    for no, raw in numbered:
        if not raw.strip():
            block += 1
            continue
        if "实际完成情况" in raw and "预期目标" in raw:
            # 预期目标 is centred over its column, whose lines start left of that centre;
            # an 实际完成情况 line starts right of it (the right column begins further on)
            goal_col = _w(raw[: raw.index("预期目标")]) + 2
            lines.append(Line(no, raw.strip(), pno, block))
            continue
        if goal_col is not None:
            sides: dict[bool, str] = {}
            frs = [(x, f) for x, f in fragments(raw) if (len(f) > 1 or unicodedata.category(f).startswith("P")) and not _DEV.startswith(f)]
            # the vertical 年/度/总/体/目/标 and the next table's header are dropped (a lone
            # 。 wrapped from a paragraph is kept); two pieces on one line are the two
            # columns side by side
            for n, (_x, frag) in enumerate(frs):
                right = frs[0][0] >= goal_col or (len(frs) >= 2 and n == len(frs) - 1)
                sides[right] = sides.get(right, "") + frag
            for right, frag in sides.items():
                (actual if right else expected).append(Line(no, frag, pno, block))
            continue
        lines.append(Line(no, raw, pno, block))
    for ln in expected:
        ln.block = -2
    for ln in actual:
        ln.block = -1
    lines.extend(expected + actual)
    merge_wrapped_labels(lines)
    for ln in lines:
        ln.toks = tokenize_line(ln.raw)
    return [ln for ln in lines if ln.raw.strip()]


def _label_column(header: str) -> float | None:
    """Centre of the 二级指标 header: where the merged label cells' pieces are printed."""
    x = header.find("二级指标")
    return _w(header[:x]) + 2 if x >= 0 else None


def _table(
    numbered: list[tuple[int, str]], pno: int, label_x: float | None = None, lead: int = 0, prior: dict[str, float] | None = None
) -> tuple[PageRows, dict[str, float]]:
    """The page's rows and the column centres they were read with.

    ``lead``: lines from above the table's header (its labels) before its rows. ``prior``:
    the page before's centres, for the columns no line of this page prints side by side
    (a continuation page whose one row wraps its name: the same layout runs on)."""
    pr = PageRows(page=pno, positional=True)
    rows = [(no, fragments(raw)) for no, raw in numbered]
    anchors = [k for k, (_, fr) in enumerate(rows) if fr and _anchor_index(fr) is not None]
    centres = _centres(rows, anchors, lambda x, t: not lx.label_kind(t))
    label_edge = min((f[0] for _, fr in rows for f in fr if lx.label_kind(f[1]) in ("l1", "l2")), default=0)
    label_right = max((f[0] + _w(f[1]) for _, fr in rows for f in fr if lx.label_kind(f[1]) in ("l1", "l2")), default=label_edge)
    score_x = centres.get("score", 1e9)

    def in_labels(x: int, t: str) -> bool:
        """A piece of a merged 一级/二级指标 label: in the label columns, left of the names.

        Either it ends left of a whole label printed on the page, or (every label on the
        page wrapped into pieces) its centre is nearer the 二级指标 header than the names."""
        c = x + _w(t) / 2
        name_c = centres.get("name", 1e9)
        if x + _w(t) <= label_right + 1 and c < name_c - 6:
            return True
        return label_x is not None and name_c < 1e9 and abs(c - label_x) < abs(c - name_c) and not _is_num(t)

    # again without the label pieces (年/度 of a vertical label, 标 of a wrapped one)
    # that an anchor line printed before its name
    centres = _centres(rows, anchors, lambda x, t: not lx.label_kind(t) and not in_labels(x, t)) or centres
    if prior and not {"name", "target", "actual"} <= centres.keys():
        centres = {**prior, **{r: c for r, c in centres.items() if r in ("weight", "score")}}
        score_x = centres.get("score", 1e9)
    units = {k: Unit(pno, rows[k][0]) for k in anchors}
    parts: dict[int, dict[str, list[tuple[int, str]]]] = {k: {} for k in anchors}
    band = 0
    bands: list[int] = []
    for _, fr in rows:
        if not fr:
            band += 1
        bands.append(band)
    label_frags: list[tuple[int, int, str]] = []
    roles_at = {k: _roles(fr, centres, score_x, in_labels) for k, (_, fr) in enumerate(rows)}
    for k, (no, fr) in enumerate(rows):
        if not fr:
            continue
        text = "".join(t for _, t in fr)
        bare = "".join(t for x, t in fr if not (len(t) == 1 and in_labels(x, t)))  # 标 of a vertical label beside it
        pair_alone = k in units and len(fr) >= 2  # "6      6": a 分值 得分 pair, not page "- 66 -"
        if (not pair_alone and re.fullmatch(r"第\d+页(?:/共\d+页)?|-?\d+-?|第\d+页,?共\d+页", text)) or re.fullmatch(r"第\d+页(?:/共\d+页)?|第\d+页,?共\d+页", bare):
            continue  # page footer (the whole text, or beside a vertical label's letter)
        if "总分" in text:
            nums = [t for _, t in fr if _is_num(t)]
            if nums:
                pr.total = Cell(nums[-1], no, pno)
                pr.total_weight = Cell(nums[0], no, pno) if len(nums) > 1 else None
            continue
        same_band = [a for a in anchors if bands[a] == bands[k]]
        pool = same_band or anchors
        nearest = min(pool, key=lambda a: (abs(a - k), a)) if pool else None
        ai = _anchor_index(fr) if k in units else None
        twins = _twins(fr, score_x, in_labels)
        for idx, (x, t) in enumerate(fr):
            kind = lx.label_kind(t)
            if kind in ("l1", "l2"):
                pr.markers.append((no + 0.1, kind, lx.norm_label(t)))
                continue
            if kind == "column" or (_DEV.endswith(t) and len(t) <= 5 and k < lead + 3):
                continue
            centre = x + _w(t) / 2
            if in_labels(x, t):
                label_frags.append((no, x, t))
                continue
            if nearest is None:
                continue
            if ai is not None and idx in (ai, ai + 1):
                role = "weight" if idx == ai else "score"
            elif centre > score_x + 3 or (ai is not None and idx > ai + 1):
                role = "deviation"
            elif idx in twins:
                role = twins[idx]
            elif ai is not None and (by_pos := full_row(fr, ai, idx, in_labels)) is not None:
                role = by_pos
            else:
                role = min(("name", "target", "actual"), key=lambda r: abs(centres.get(r, 1e9) - centre))
            owner = k if k in units else _owner(k, role, pool, nearest, roles_at)
            parts[owner].setdefault(role, []).append((no, t))
    _label_markers(label_frags, pr)
    rebalance(anchors, parts, rows)
    for k in anchors:
        u = units[k]
        for role, frs in parts[k].items():
            text = "".join(t for _, t in frs)
            if (role == "weight" and not _is_num(text)) or (role == "score" and not _is_num(text)):
                continue
            setattr(u, role, Cell(text, frs[0][0], pno, 0.95 if len({n for n, _ in frs}) == 1 else 0.9))
        if u.weight is not None and Decimal(u.weight.text) == 100 and u.name is None and u.target is None:
            pr.total, pr.total_weight = u.score, u.weight
            continue
        pr.units.append(u)
    return pr, centres


def _centres(rows: list[tuple[int, list[tuple[int, str]]]], anchors: list[int], keep: Callable[[int, str], bool]) -> dict[str, float]:
    """Column centres from the anchor lines, read right to left (得分, 分值, then
    实际完成值, 年度指标值, 三级指标 when all three are printed on the line)."""
    cols: dict[str, list[float]] = {"name": [], "target": [], "actual": [], "weight": [], "score": []}
    for k in anchors:
        fr = [f for f in rows[k][1] if keep(*f)]
        i = _anchor_index(fr)
        if i is None:
            continue
        for role, f in zip(("weight", "score"), fr[i : i + 2], strict=False):
            cols[role].append(f[0] + _w(f[1]) / 2)
        before = fr[:i]
        if len(before) >= 3:
            for role, f in zip(("actual", "target", "name"), reversed(before), strict=False):
                cols[role].append(f[0] + _w(f[1]) / 2)
    return {r: median(v) for r, v in cols.items() if v}


def full_row(fr: list[tuple[int, str]], ai: int, idx: int, in_labels: Callable[[int, str], bool] | None = None) -> str | None:
    """On an anchor line with name, target and actual all present: roles by position
    (label pieces printed before the name do not count)."""
    before = [j for j in range(ai) if not lx.label_kind(fr[j][1]) and not (in_labels and in_labels(*fr[j]))]
    if len(before) < 3 or idx not in before:
        return None
    pos = len(before) - 1 - before.index(idx)
    return ("actual", "target", "name")[min(pos, 2)]


def _twins(fr: list[tuple[int, str]], score_x: float, in_labels: Callable[[int, str], bool]) -> dict[int, str]:
    """Two neighbouring pieces of one line with the same text: 年度指标值 and 实际完成值.

    A target met exactly prints the same words in both columns (及时 / 及时, a wrapped
    sentence line by line); a name never repeats its target. The pair is told apart by
    this, not by the columns' centres: text wider than its column starts left of it."""
    out: dict[int, str] = {}
    for i in range(len(fr) - 1):
        (xa, a), (xb, b) = fr[i], fr[i + 1]
        if a != b or len(a) < 2 or lx.label_kind(a) or _is_num(a) or in_labels(xa, a) or i in out:
            continue  # (a 二级指标 label's piece may repeat the name beside it)
        if xb + _w(b) / 2 <= score_x - 3:
            out[i], out[i + 1] = "target", "actual"
    return out


def _roles(fr: list[tuple[int, str]], centres: dict[str, float], score_x: float, in_labels: Callable[[int, str], bool]) -> set[str]:
    out: set[str] = set(_twins(fr, score_x, in_labels).values())
    for x, t in fr:
        if lx.label_kind(t):
            continue
        c = x + _w(t) / 2
        if c > score_x + 3:
            out.add("deviation")
        elif not in_labels(x, t):
            out.add(min(("name", "target", "actual"), key=lambda r: abs(centres.get(r, 1e9) - c)))
    return out


def _owner(k: int, role: str, pool: list[int], nearest: int, roles_at: dict[int, set[str]]) -> int:
    """The anchor a wrapped line belongs to: the one its column's lines run on to."""
    above = max((a for a in pool if a < k), default=None)
    below = min((a for a in pool if a > k), default=None)

    def reaches(a: int | None) -> bool:
        if a is None:
            return False
        step = 1 if a > k else -1
        return all(role in roles_at.get(x, set()) for x in range(k + step, a, step))

    def score(a: int | None) -> float:
        if a is None:
            return -1.0
        mirror = role in roles_at.get(2 * a - k, set())
        lacks = role not in roles_at.get(a, set())
        return 2.0 * reaches(a) + 1.0 * mirror + 0.5 * lacks

    up, down = score(above), score(below)
    if up > down:
        return above  # type: ignore[return-value]
    if down > up:
        return below  # type: ignore[return-value]
    return nearest


def _label_markers(frags: list[tuple[int, int, str]], pr: PageRows) -> None:
    """Label pieces printed apart (满意度指 / 标): joined back, column by column."""
    columns: list[list[tuple[int, int, str]]] = []
    for f in frags:
        col = next((c for c in columns if abs(c[-1][1] - f[1]) <= 4), None)
        if col is None:
            columns.append([f])
        else:
            col.append(f)
    for col in columns:
        _merge_column([(no, t) for no, _x, t in col], pr)


def _merge_column(frags: list[tuple[int, str]], pr: PageRows) -> None:
    i = 0
    while i < len(frags):
        for j in range(min(len(frags), i + 6), i, -1):
            cand = "".join(t for _, t in frags[i:j])
            kind = lx.label_kind(cand)
            if kind in ("l1", "l2"):
                # a merged cell's label is centred on its rows: its middle line, not its first
                pr.markers.append(((frags[i][0] + frags[j - 1][0]) / 2 + 0.1, kind, cand))
                i = j
                break
        else:
            i += 1
