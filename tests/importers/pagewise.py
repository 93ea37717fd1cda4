"""Rewrite a PDF page after page: what a writer that streams its pages produces.

The project's exporter (like LibreOffice and Word) writes every page's content first
and the fonts, page objects and catalog last. Writers that stream their output (and
"fast web view" files) put the shared objects first and then page after page; a
download broken off in such a file still holds its first pages whole. The tests of
truncated PDFs build one from an exported PDF: same objects, other order.
"""

from __future__ import annotations

import io

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1


def _raw_objects(data: bytes, doc: PDFDocument) -> dict[int, bytes]:
    """Object number -> the bytes between ``N 0 obj`` and ``endobj``."""
    raw: dict[int, bytes] = {}
    for xref in doc.xrefs:
        for objid in xref.get_objids():
            strmid, index, _gen = xref.get_pos(objid)
            if strmid is None:
                body = data[index : data.index(b"endobj", index)]
                raw[objid] = body[body.index(b"obj") + 3 :]
                continue
            stm = resolve1(doc.getobj(strmid))
            payload = stm.get_data()
            first = int(stm["First"])
            nums = [int(x) for x in payload[:first].split()]
            offs = dict(zip(nums[0::2], nums[1::2], strict=True))
            start = offs[objid]
            end = min([o for o in offs.values() if o > start] + [len(payload) - first])
            raw[objid] = b" " + payload[first + start : first + end].strip() + b" "
    return raw


def page_after_page(data: bytes) -> tuple[bytes, list[tuple[int, int]]]:
    """``data`` written shared objects first, then each page's content in page order;
    also the byte span of every page's content (to cut the file inside one)."""
    doc = PDFDocument(PDFParser(io.BytesIO(data)))
    raw = _raw_objects(data, doc)
    internal = set()
    for objid in raw:
        obj = doc.getobj(objid)
        kind = obj.get("Type") if isinstance(obj, PDFStream) else None
        if kind is not None and kind.name in ("ObjStm", "XRef"):
            internal.add(objid)
    contents: list[list[int]] = []
    for page in PDFPage.create_pages(doc):
        refs = page.attrs["Contents"]
        contents.append([r.objid for r in (refs if isinstance(refs, list) else [refs])])
    in_pages = {i for c in contents for i in c}
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}

    def write(objid: int) -> None:
        offsets[objid] = len(out)
        out.extend(b"%d 0 obj" % objid + raw[objid] + b"endobj\n")

    for objid in sorted(raw):
        if objid not in internal and objid not in in_pages:
            write(objid)
    spans = []
    for c in contents:
        start = len(out)
        for objid in c:
            write(objid)
        spans.append((start, len(out)))
    size = max(raw) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for i in range(1, size):
        out += b"%010d 00000 n \n" % offsets[i] if i in offsets else b"0000000000 65535 f \n"
    root = doc.catalog["Pages"] and next(x.trailer["Root"].objid for x in doc.xrefs if "Root" in x.trailer)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out), spans
