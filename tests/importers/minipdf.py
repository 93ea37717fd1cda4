"""A tiny PDF writer for tests: pages of ruled lines and Latin text, optional /Encrypt.

Writing the file by hand keeps the bad-input tests independent of any PDF library:
a 200-page document, a table with text beside it, or an encrypted file whose password
is unknown are a few lines of PDF syntax.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Page:
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)
    """(x0, y0, x1, y1) in PDF coordinates (origin bottom left)."""
    texts: list[tuple[float, float, str]] = field(default_factory=list)
    """(x, y, ASCII text) in 10pt Helvetica."""


def _content(page: Page) -> bytes:
    out = ["0.6 w"]
    for x0, y0, x1, y1 in page.lines:
        out.append(f"{x0} {y0} m {x1} {y1} l S")
    for x, y, text in page.texts:
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        out.append(f"BT /F1 10 Tf {x} {y} Td ({safe}) Tj ET")
    return "\n".join(out).encode("latin-1")


def build(pages: Sequence[Page], *, encrypt: bool = False) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids: list[int] = []
    for page in pages:
        data = _content(page)
        stream = add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_obj, font, stream)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    encrypt_ref = b""
    if encrypt:
        enc = add(
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32 + b"> /P -4 >>"
        )
        encrypt_ref = b" /Encrypt %d 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]" % enc
    buf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(buf))
        buf += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(buf)
    buf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        buf += b"%010d 00000 n \n" % off
    buf += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        encrypt_ref,
        xref,
    )
    return bytes(buf)


def table_page(rows: int = 3, cols: int = 3, *, beside: str | None = None) -> Page:
    """A ruled rows x cols table with "r{i}c{j}" in each cell, and optional text beside it."""
    page = Page()
    x0, y_top, w, h = 60.0, 760.0, 100.0, 24.0
    for i in range(rows + 1):
        y = y_top - i * h
        page.lines.append((x0, y, x0 + cols * w, y))
    for j in range(cols + 1):
        x = x0 + j * w
        page.lines.append((x, y_top, x, y_top - rows * h))
    for i in range(rows):
        for j in range(cols):
            page.texts.append((x0 + j * w + 6, y_top - (i + 1) * h + 8, f"r{i}c{j}"))
    if beside:
        page.texts.append((x0 + cols * w + 20, y_top - h - 8, beside))
    return page
