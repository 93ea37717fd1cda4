"""Shape detection: which tool produced a text dump.

(a) pdfminer-blocks: short lines in blank-separated boxes, labels apart from values;
(b) long-line: a few very long lines of space-separated tokens (one per page);
(c) pdftotext-layout: columns kept with runs of spaces, many lines holding 3+ cells;
(d) pdftotext-plain: one cell per line, form feeds between pages;
(e) reading-order: rows one after another, cells separated by tabs or runs of spaces,
    labels on the same line as their values, no form feeds.
"""

from __future__ import annotations

import re

SHAPES = ("pdfminer-blocks", "long-line", "pdftotext-layout", "pdftotext-plain", "reading-order")


def detect_shape(text: str) -> str:
    lines = [ln for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()]
    if not lines:
        return "pdfminer-blocks"
    long_lines = [ln for ln in lines if len(ln) > 300]
    if (long_lines and len(long_lines) * 4 >= len(lines)) or (len(lines) <= 3 and max(len(ln) for ln in lines) > 150):
        return "long-line"
    multi_gap = sum(1 for ln in lines if len(re.findall(r"\S(?: {2,}|\t)\S", ln)) >= 2)
    tabbed = sum(1 for ln in lines if "\t" in ln.strip())
    if tabbed >= max(3, len(lines) // 10):
        return "reading-order"
    if multi_gap >= max(5, len(lines) // 6):
        return "pdftotext-layout" if "\f" in text or _indented(lines) else "reading-order"
    single_cell = sum(1 for ln in lines if " " not in ln.strip())
    multi_amount = any(len(re.findall(r"\d{1,3}(?:,\d{3})+", ln)) >= 2 for ln in lines)
    if "\f" in text and single_cell >= len(lines) * 0.8 and not multi_amount:
        return "pdftotext-plain"
    all_lines = text.replace("\r\n", "\n").split("\n")
    blanks = sum(1 for ln in all_lines if not ln.strip())
    if "\f" not in text and single_cell >= len(lines) * 0.8 and blanks < len(all_lines) * 0.2:
        return "reading-order"  # one cell per line, no text boxes: a copied table
    return "pdfminer-blocks"


def _indented(lines: list[str]) -> bool:
    return sum(1 for ln in lines if ln.startswith("    ")) >= len(lines) // 4
