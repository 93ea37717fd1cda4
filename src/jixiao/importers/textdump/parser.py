"""``parse_text``: a text dump in, forms with sources, confidences and issues out.

Pages are grouped into forms (a page that prints the title or 项目名称 starts a form; a
page without them continues the previous one). Each form is read in passes that each
claim their lines: header, funds, goals, then the indicator table page by page.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.core.issues import Issue
from jixiao.core.model import FUND_COLUMNS, Form
from jixiao.importers.result import ImportResult
from jixiao.importers.textdump import issues as _issues  # noqa: F401  (declares the codes)
from jixiao.importers.textdump.assemble import assemble
from jixiao.importers.textdump.build import build_form
from jixiao.importers.textdump.columnar import is_columnar, read_columnar
from jixiao.importers.textdump.funds import read_funds
from jixiao.importers.textdump.goals import read_goals
from jixiao.importers.textdump.labelclean import clean_names
from jixiao.importers.textdump.rows import PageRows, read_page
from jixiao.importers.textdump.sections import fill_late, read_header
from jixiao.importers.textdump.shape import detect_shape
from jixiao.importers.textdump.tokens import Line, build_lines, join_value_lines

ROW_ORDER_SHAPES = ("pdftotext-plain", "long-line", "reading-order")


def _starts_form(page: list[Line]) -> bool:
    return any(t.kind == "label" and (t.sub == "title" or t.text == "项目名称") for ln in page for t in ln.toks)


def _has_funds(page: list[Line]) -> bool:
    return any(t.kind == "amount" for ln in page for t in ln.toks)


def _split_at_titles(page: list[Line]) -> list[list[Line]]:
    """Row-order dumps print the title first: a second title on a page starts a new form."""
    parts: list[list[Line]] = [[]]
    for ln in page:
        if any(t.kind == "label" and t.sub == "title" for t in ln.toks) and any(
            t.kind == "label" and t.sub == "title" for x in parts[-1] for t in x.toks
        ):
            parts.append([])
        parts[-1].append(ln)
    return [p for p in parts if p]


def prepare(text: str, shape: str) -> str:
    """Bring shapes (b) and (e) to one cell per line / one row per line."""
    if shape == "long-line":
        text = re.sub(r"([(（]\s*\d{4})\s+(年度?\s*[)）])", r"\1\2", text)
        pages = [ln for ln in text.replace("\f", "\n").split("\n") if ln.strip()]
        return "\f".join("\n\n".join(ln.split()) for ln in pages)
    if shape == "reading-order":
        return "\n".join(" ".join(c.strip() for c in ln.split("\t") if c.strip()) for ln in text.split("\n"))
    return text


def parse_text(text: str, file: str | None = None) -> ImportResult:
    if "\x00" in text:
        text = text.replace("\x00", "")
    shape = detect_shape(text)
    if shape == "pdftotext-layout":
        from jixiao.importers.textdump.layout import layout_pages

        pages = layout_pages(text)
    else:
        pages = build_lines(prepare(text, shape))
        if shape in ROW_ORDER_SHAPES:
            raw = {ln.no: ln for p in pages for ln in _copy(p)}
            pages = [p if is_columnar(p) else join_value_lines(p) for p in pages]
    form_pages: list[list[list[Line]]] = []
    for page in pages:
        parts = _split_at_titles(page) if shape in ROW_ORDER_SHAPES else [page]
        for part in parts:
            # a page starts a form when it prints the title, or fund amounts while the
            # current form already has its own (a dump cut before the next title)
            if not form_pages or _starts_form(part) or (_has_funds(part) and any(_has_funds(p) for p in form_pages[-1])):
                form_pages.append([part])
            else:
                form_pages[-1].append(part)
    forms, issues, confs = [], [], []
    for idx, fp in enumerate(form_pages):
        result = read_form(fp, file, idx, shape, raw if shape in ROW_ORDER_SHAPES else None)
        if result is None:
            continue
        form, form_issues = result
        if not _has_form_values(form):
            continue  # labels alone (a manual, a README) are not a form
        forms.append(form)
        issues.extend(form_issues)
    res = ImportResult.of(forms, issues, format=f"text/{shape}")
    confs = res.confidences
    if not forms:
        from jixiao.core.issues import Location, make_issue

        res = ImportResult([], [make_issue("text-no-form", Location(file=file), file=file or "(text)")], confs, f"text/{shape}")
    return res


def _has_form_values(form: Form) -> bool:
    """A form shows at least a header value, an amount, an execution cell or a scored row."""
    header = (form.project_name, form.department, form.implementing_unit)
    amounts = any(row.get(c) is not None for _, row in form.funds.rows() for c in FUND_COLUMNS)
    execution = any(v is not None for v in (form.execution.weight, form.execution.rate_percent, form.execution.score))
    scored = any(i.weight is not None or i.score is not None for i in form.indicators)
    return any(header) or amounts or execution or scored or form.total_score is not None


def _copy(page: list[Line]) -> list[Line]:
    return [Line(ln.no, ln.raw, ln.page, ln.block, list(ln.toks), ln.used) for ln in page]


def _defects(pr: PageRows) -> int:
    """Cells a page's rows miss, and cells read that found no row."""
    missing = sum((u.name is None) + (u.target is None) + (u.actual is None) for u in pr.units if u.has_ws)
    return missing + len(pr.bulk_ws) + len(pr.pool_names) + len(pr.orphan_ta)


def _numbers(pr: PageRows) -> tuple[list[Decimal], bool]:
    """The page's 分值/得分 numbers, and whether every row scores at most its weight."""
    pairs = [(Decimal(u.weight.text), Decimal(u.score.text)) for u in [*pr.units, *pr.bulk_ws] if u.weight and u.score]
    return sorted(x for p in pairs for x in p), all(s <= w for w, s in pairs)


def _by_columns(page: list[Line], raw: dict[int, Line], rows: PageRows) -> PageRows | None:
    """A table printed in column chunks at places (pdftotext groups the cells of a few
    rows column by column, 分值 2 9 then 得分 1.17 2.10): when the row reading pairs a
    得分 above its 分值, the column reading is taken if it gives every pair a complete
    row, each 得分 ≤ 分值, from the numbers the row reading used (and the lone ones it
    could not place)."""
    nums, ok = _numbers(rows)
    if ok or not page:
        return None
    lines = [raw[n] for n in range(page[0].no, page[-1].no + 1) if n in raw]
    used = {ln.no for ln in page if ln.used}
    for ln in lines:
        ln.used = ln.no in used
    alt = read_columnar(_copy(lines))
    alt_nums, alt_ok = _numbers(alt)
    left = list(alt_nums)
    for x in nums:  # the row reading's numbers are all among the column reading's
        if x not in left:
            return None
        left.remove(x)
    return alt if alt_ok and not _defects(alt) else None


def _weights_read(rows: list[PageRows]) -> Decimal:
    """Σ分值 of the rows read on the table's earlier pages: a later page's rows add up to
    what is left of 90."""
    out = Decimal(0)
    for r in rows:
        for u in (*r.units, *r.bulk_ws):
            if u.weight is not None and re.fullmatch(r"\d+(?:\.\d+)?", u.weight.text):
                out += Decimal(u.weight.text)
    return out


def read_form(pages: list[list[Line]], file: str | None, index: int, shape: str, raw: dict[int, Line] | None = None) -> tuple[Form, list[Issue]] | None:
    flat = [ln for p in pages for ln in p]
    header = read_header(flat)
    funds = read_funds(pages[0] if len(pages) == 1 else flat)
    goals = read_goals(flat)
    fill_late(header, flat)
    inline = shape in ROW_ORDER_SHAPES
    rows: list[PageRows] = []
    for p in pages:
        if hasattr(p, "page_rows"):
            rows.append(p.page_rows)
        elif is_columnar(p):
            rows.append(read_columnar(p, _weights_read(rows)))
        else:
            pr = read_page(p, inline=inline)
            rows.append((_by_columns(p, raw, pr) if raw is not None else None) or pr)
    if shape == "pdftotext-layout":
        for r in rows:
            clean_names(r)
    if not header.fields and not funds.cells and not any(r.units or r.bulk_ws for r in rows):
        return None
    exec_w = funds.cells.get("execution.weight")
    asm = assemble(rows, exec_w.value if exec_w and isinstance(exec_w.value, Decimal) else None)
    return build_form(header, funds, goals, rows, asm, file, index, pages)
