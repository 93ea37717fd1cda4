"""A PDF cut short (a download broken off): the whole pages it still holds.

pdfminer needs the cross-reference table and the trailer at the end of the file to
open it. When they are lost, the objects that are still complete are found by
scanning (pdfminer's fallback, object streams included), the file is closed after
its last complete object with a catalog of our own, and the page objects found are
read one by one, each with the attributes it inherits from its page-tree nodes when
they survived.

What can be recovered depends on where the writer put things. Most writers (the
project's exporter, LibreOffice, Word) write every page's content first and the
fonts, the page objects and the catalog last, once all pages are known: a file cut
off before its last few per cent has content streams but no means to decode their
text, and nothing is recovered. "Fast web view" (linearised) files write the first
page with its fonts and then page after page: there, every page before the cut is
read. A page is kept only when its content and fonts decode (see ``usable``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

_ROOT_ID = 2_000_000_000
"""Object number of the catalog we add; far above any real one."""


@dataclass
class Recovered:
    pdf: Any
    """The pdfplumber document over the repaired bytes (close it when done)."""
    pages: list[Any] = field(default_factory=list)
    """pdfplumber pages of the page objects found, in document order."""
    expected: int | None = None
    """How many pages the document declared, when its page tree survived."""


def open_truncated(data: bytes) -> Recovered | None:
    """The complete page objects of a PDF whose end is lost, or None (nothing found)."""
    import pdfplumber
    from pdfminer.pdfpage import PDFPage
    from pdfminer.psparser import LIT

    end = data.rfind(b"endobj")
    if end < 0 or not data.startswith(b"%PDF"):
        return None
    body = data[: end + len(b"endobj")]
    tail = b"\n%d 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root %d 0 R >>\n%%%%EOF\n" % (_ROOT_ID, _ROOT_ID)
    try:
        pdf = pdfplumber.open(io.BytesIO(body + tail))
    except Exception:
        return None
    doc = pdf.doc
    doc.xrefs.insert(0, _scan(body, doc))
    found: list[tuple[int, dict[str, Any]]] = []
    catalog: dict[str, Any] | None = None
    for objid in doc.xrefs[0].get_objids():
        obj = _get(doc, objid)
        if not isinstance(obj, dict):
            continue
        kind = obj.get("Type")
        if kind is LIT("Page"):
            found.append((objid, obj))
        elif kind is LIT("Catalog") and objid != _ROOT_ID:
            catalog = obj
    if not found:
        pdf.close()
        return None
    order, expected = _tree_order(doc, catalog)
    rank = {objid: k for k, objid in enumerate(order)}
    found.sort(key=lambda f: rank.get(f[0], len(rank)))  # stable: file order otherwise
    out = Recovered(pdf, expected=expected)
    doctop = 0.0
    for number, (objid, obj) in enumerate(found, start=1):
        attrs = _inherited(doc, obj)
        try:
            page = pdfplumber.page.Page(pdf, PDFPage(doc, objid, attrs, None), page_number=number, initial_doctop=doctop)
        except Exception:
            continue
        out.pages.append(page)
        doctop += float(page.height)
    return out


def usable(page: Any) -> bool:
    """The page's text decodes: its content and fonts are all there.

    A font whose objects were cut off raises while the page is read, or leaves glyph
    numbers (``(cid:123)``) instead of characters."""
    try:
        chars = page.chars
    except Exception:
        return False
    if not chars:
        return False
    unknown = sum(1 for c in chars if str(c.get("text", "")).startswith("(cid:"))
    return unknown * 10 < len(chars)


def _scan(body: bytes, doc: Any) -> Any:
    """Every complete object of ``body``, past the trailers a linearised file has early.

    pdfminer's own fallback stops at the first ``trailer`` keyword, which a linearised
    file prints after its first page's objects."""
    from pdfminer.pdfdocument import PDFXRefFallback
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psparser import PSEOF

    class _All(PDFXRefFallback):
        def load(self, parser: PDFParser) -> None:
            from pdfminer.pdftypes import PDFStream, stream_value
            from pdfminer.psparser import LIT

            parser.seek(0)
            while True:
                try:
                    pos, line = parser.nextline()
                except PSEOF:
                    break
                m = self.PDFOBJ_CUE.match(line.decode("latin-1"))
                if not m:
                    continue
                objid, genno = int(m.group(1)), int(m.group(2))
                self.offsets[objid] = (None, pos, genno)
                parser.seek(pos)
                try:
                    _, obj = parser.nextobject()
                except Exception:
                    parser.seek(pos + len(line))
                    continue
                if isinstance(obj, PDFStream) and obj.get("Type") is LIT("ObjStm"):
                    self._expand(objid, stream_value(obj))
                parser.seek(pos + len(line))

        def _expand(self, objid: int, stream: Any) -> None:
            from pdfminer.pdfparser import PDFStreamParser

            try:
                parser = PDFStreamParser(stream.get_data())
                nums: list[Any] = []
                while len(nums) < 2 * int(stream.get("N", 0)):
                    nums.append(parser.nextobject()[1])
            except Exception:
                return
            for index in range(len(nums) // 2):
                if isinstance(nums[2 * index], int):
                    self.offsets[nums[2 * index]] = (objid, index, 0)

    xref = _All()
    parser = PDFParser(io.BytesIO(body))
    parser.set_document(doc)  # a stream's /Length may be a reference
    xref.load(parser)
    return xref


def _get(doc: Any, objid: int) -> Any:
    try:
        return doc.getobj(objid)
    except Exception:
        return None


def _resolve(doc: Any, value: Any) -> Any:
    objid = getattr(value, "objid", None)
    return _get(doc, objid) if objid is not None else value


def _inherited(doc: Any, obj: dict[str, Any]) -> dict[str, Any]:
    """Page attributes with those inherited from the page-tree nodes still present."""
    attrs = dict(obj)
    parent = _resolve(doc, obj.get("Parent"))
    seen = 0
    while isinstance(parent, dict) and seen < 32:
        for key in ("Resources", "MediaBox", "CropBox", "Rotate"):
            if key not in attrs and key in parent:
                attrs[key] = parent[key]
        parent = _resolve(doc, parent.get("Parent"))
        seen += 1
    if "MediaBox" not in attrs:
        attrs["MediaBox"] = [0, 0, 595.28, 841.89]  # A4, the forms' paper
    return attrs


def _tree_order(doc: Any, catalog: dict[str, Any] | None) -> tuple[list[int], int | None]:
    """Page object numbers in page-tree order (those reachable), and the declared count."""
    if catalog is None:
        return [], None
    root = _resolve(doc, catalog.get("Pages"))
    if not isinstance(root, dict):
        return [], None
    count = root.get("Count")
    order: list[int] = []
    stack: list[Any] = [catalog.get("Pages")]
    seen: set[int] = set()
    while stack and len(seen) < 100_000:
        ref = stack.pop()
        objid = getattr(ref, "objid", None)
        if objid is None or objid in seen:
            continue
        seen.add(objid)
        node = _get(doc, objid)
        if not isinstance(node, dict):
            continue
        kids = node.get("Kids")
        if kids is not None:
            kids = _resolve(doc, kids)
            stack.extend(reversed(list(kids or [])))
        else:
            order.append(objid)
    return order, count if isinstance(count, int) else None
