"""Block/label recognition for the top of a form: title, year, 项目名称/主管部门/实施单位.

A label takes the words printed after it on its own line; when a dump printed the
label alone (pdfminer and plain pdftotext put labels and values in separate boxes) it
waits for the next free one-word text line. ``主管部门 A B`` with no 实施单位 between
is read as department A, implementing unit B (the 实施单位 label sits elsewhere).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.importers.textdump import lexicon as lx
from jixiao.importers.textdump.tokens import Line


@dataclass
class Found:
    value: object
    line: int
    page: int
    confidence: float


@dataclass
class Header:
    fields: dict[str, Found] = field(default_factory=dict)
    has_title: bool = False
    pending: list[tuple[str, Line]] = field(default_factory=list)


def _is_free_text_line(ln: Line) -> bool:
    """A line that may be a header value: one word of text, not a sentence's end (行。)."""
    text = ln.toks[0].text if len(ln.toks) == 1 else ""
    return not ln.used and len(ln.toks) == 1 and ln.toks[0].kind == "text" and lx.width(text) >= 4 and not text.endswith(("。", "；"))


def read_header(lines: list[Line]) -> Header:
    head = Header()
    pending: list[tuple[str, Line]] = []
    early: list[Line] = []  # free text between the title and the first header label
    for _idx, ln in enumerate(lines):
        if ln.used:
            continue
        toks = ln.toks
        if head.has_title and not pending and not head.fields.keys() - {"year"} and _is_free_text_line(ln):
            early.append(ln)
        if any(t.kind == "label" and t.sub == "title" for t in toks):
            head.has_title = True
            ln.used = all(t.kind in ("label", "year") for t in toks)
        for t in toks:
            if t.kind == "year" and "year" not in head.fields:
                head.fields["year"] = Found(lx.year_of(t.text), ln.no, ln.page, 1.0)
                ln.used = ln.used or len(toks) == 1
        if not any(t.kind == "label" and t.sub == "header" for t in toks):
            continue
        ln.used = True
        i = 0
        current: str | None = None
        values: dict[str, list[str]] = {}
        order: list[str] = []
        while i < len(toks):
            t = toks[i]
            if t.kind == "label" and t.sub == "header":
                current = lx.HEADER_LABELS[t.text]
                values.setdefault(current, [])
                order.append(current)
            elif current is not None and t.kind != "label":
                values[current].append(t.text)
            i += 1
        for key in order:
            words = values.get(key, [])
            if key == "department" and len(words) == 2 and "implementing_unit" not in values:
                head.fields.setdefault("department", Found(words[0], ln.no, ln.page, 0.95))
                head.fields.setdefault("implementing_unit", Found(words[1], ln.no, ln.page, 0.9))
            elif words:
                conf = 1.0 if len(words) == 1 else 0.8
                head.fields.setdefault(key, Found("".join(words) if key != "project_name" else " ".join(words), ln.no, ln.page, conf))
            elif key not in head.fields and len(early) == 1 and key == "project_name":
                # the first header row's value printed above its label (the value cell's
                # text sits higher than the centred label): the one line after the title
                head.fields[key] = Found(early[0].toks[0].text, early[0].no, early[0].page, 0.75)
                early[0].used = True
            elif key not in head.fields:
                pending.append((key, ln))
    _early_values(head, pending, early)
    # labels printed alone: the next free one-word text line after the label
    _fill_pending(head, pending, lines, window=14, strict=True)
    head.pending = pending
    return head


def _early_values(head: Header, pending: list[tuple[str, Line]], early: list[Line]) -> None:
    """项目名称 and 主管部门 printed without values (their label boxes come out after the
    table starts) take the lines printed between the title and the first label, one each;
    which is which is settled by :func:`_unswap`."""
    keys = [k for k, _ in pending if k in ("project_name", "department") and k not in head.fields]
    free = [ln for ln in early if not ln.used]
    if len(keys) != 2 or len(free) != 2:
        return
    for key, ln in zip(keys, free, strict=True):
        head.fields[key] = Found(ln.toks[0].text, ln.no, ln.page, 0.6)
        ln.used = True


def fill_late(head: Header, lines: list[Line]) -> None:
    """After the goals are claimed: a label's value printed anywhere before the table header."""
    _fill_pending(head, head.pending, lines, window=len(lines), strict=False)
    _unit_after_table(head, lines)
    _unswap(head)


def _unit_after_table(head: Header, lines: list[Line]) -> None:
    """实施单位 still without a value: an organisation's name printed alone after the
    table on the form's first page (plain pdftotext may put that cell last), not followed
    by a value as an indicator's name would be."""
    pending = [ln for key, ln in head.pending if key == "implementing_unit"]
    if "implementing_unit" in head.fields or not pending:
        return
    page = pending[0].page
    rest = [ln for ln in lines[lines.index(pending[0]) + 1 :] if ln.page == page]
    for k, ln in enumerate(rest):
        nxt = rest[k + 1] if k + 1 < len(rest) else None
        if _is_free_text_line(ln) and _ORG.search(ln.text) and not _PROJECT.search(ln.text) and lx.width(ln.text) < 50:
            if nxt is not None and any(t.kind in ("value", "percent", "num") for t in nxt.toks):
                continue
            head.fields["implementing_unit"] = Found(ln.toks[0].text, ln.no, ln.page, 0.5)
            ln.used = True
            return


_ORG = re.compile(r"(?:局|委员会|委|厅|部|办公室|办|院|中心|站|所|总队|支队|大队|队|署|政府|街道|管委会)$")
_PROJECT = re.compile(r"(?:项目|经费|工程|资金|补贴|补助|专项|费)\d*$")


def _unswap(head: Header) -> None:
    """Values printed apart from their labels (pdfminer boxes) may come in either order:
    a 项目名称 that reads as an organisation while the 主管部门 does not are swapped."""
    p, d = head.fields.get("project_name"), head.fields.get("department")
    if p is None or d is None or not isinstance(p.value, str) or not isinstance(d.value, str):
        return
    if _ORG.search(p.value) and not _ORG.search(d.value) and not _PROJECT.search(p.value):
        head.fields["project_name"] = Found(d.value, d.line, d.page, min(d.confidence, 0.6))
        head.fields["department"] = Found(p.value, p.line, p.page, min(p.confidence, 0.6))


def _unit_beside(head: Header, pending: list[tuple[str, Line]], lines: list[Line], k: int) -> None:
    """主管部门's value followed at once by a second organisation while 实施单位's label is
    printed further down (the two values share the header row): that is the unit."""
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    later = [ln for key, ln in pending if key == "implementing_unit" and lines.index(ln) > k]
    if nxt is None or "implementing_unit" in head.fields or not later or not _is_free_text_line(nxt) or not _ORG.search(nxt.text):
        return
    head.fields["implementing_unit"] = Found(nxt.toks[0].text, nxt.no, nxt.page, 0.7)
    nxt.used = True


def _department_before(head: Header, pending: list[tuple[str, Line]], lines: list[Line], k: int) -> None:
    """实施单位's label followed by two organisations while 主管部门's label is printed
    further down (the header row's cells come out label, value, value): the first is the
    department, the second the unit (the order of the row)."""
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    later = [ln for key, ln in pending if key == "department" and lines.index(ln) > k]
    if nxt is None or "department" in head.fields or not later or not _is_free_text_line(nxt) or not _ORG.search(nxt.text) or not _ORG.search(lines[k].text):
        return
    unit = head.fields["implementing_unit"]
    head.fields["department"] = Found(unit.value, unit.line, unit.page, 0.7)
    head.fields["implementing_unit"] = Found(nxt.toks[0].text, nxt.no, nxt.page, 0.7)
    nxt.used = True


def _fill_pending(head: Header, pending: list[tuple[str, Line]], lines: list[Line], window: int, strict: bool) -> None:
    for key, label_line in pending:
        if key in head.fields:
            continue
        start = lines.index(label_line)
        for ln in lines[start + 1 : start + 1 + window]:
            if not strict and any(t.text in ("三级指标", "年度指标值") for t in ln.toks):
                break
            if _is_free_text_line(ln) and (strict or lx.width(ln.text) < 50):
                head.fields[key] = Found(ln.toks[0].text, ln.no, ln.page, 0.8 if strict else 0.6)
                ln.used = True
                if strict and key == "department":
                    _unit_beside(head, pending, lines, lines.index(ln))
                if strict and key == "implementing_unit":
                    _department_before(head, pending, lines, lines.index(ln))
                break
            if strict and not ln.used and any(t.kind not in ("label", "year") for t in ln.toks):
                break
