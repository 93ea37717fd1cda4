"""Scanned PDF pages, read cell by cell (optional extra ``jixiao[ocr]``).

A scan has no text layer and no vector borders, so the page is rendered, the ruled
lines are found in the bitmap (long dark runs of pixels), the same grid rebuilding as
for native PDFs (:mod:`.pdfgrid`) turns them into cells, and the text is filled in cell
by cell: rapidocr-onnxruntime (whose models ship inside the wheel: nothing is
downloaded) reads the page, and each text box goes to the ruled cell under its centre.
Taking the structure from the ruled lines keeps the table exact even where the OCR of a
word is not, and every value carries the recogniser's confidence.

rapidocr is imported lazily: without the extra, scanned pages are reported with
``import-ocr-missing`` ("install jixiao[ocr]").
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import pairwise
from typing import Any

from jixiao.core.issues import Issue, Location, make_issue
from jixiao.importers.grid import Cell, Row
from jixiao.importers.mapper import FormMapper
from jixiao.importers.pdfgrid import Skeleton, rows_of, skeleton
from jixiao.importers.result import ImportResult, low_confidence_issues

RESOLUTION = 200
"""Rendering resolution (dpi) for recognition."""
MIN_LINE_PT = 20.0
"""A dark run at least this long (points) is a table border, not a stroke of a character."""


def available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=1)
def engine() -> Any | None:
    """The recogniser, or ``None`` when ``jixiao[ocr]`` is not installed."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    return RapidOCR()


_DARK = re.compile(rb"[\x00-\x8b]+")


def _runs(image: Any, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of dark runs at least ``min_len`` long, per row of a greyscale image."""
    out: list[tuple[int, int, int]] = []
    width = image.width
    data = image.tobytes()
    for y in range(image.height):
        row = data[y * width : (y + 1) * width]
        for m in _DARK.finditer(row):
            if m.end() - m.start() >= min_len:
                out.append((y, m.start(), m.end()))
    return out


def ruled_lines(image: Any, scale: float) -> list[dict[str, float]]:
    """Border segments of a page bitmap as pdfplumber-style line dicts (in points).

    Long runs of dark pixels along rows are horizontal borders; along columns (the
    transposed image) vertical ones. Pure PIL and a byte regex: no numpy needed here.
    """
    from PIL import Image

    grey = image.convert("L")
    min_len = max(8, int(MIN_LINE_PT / scale))
    lines: list[dict[str, float]] = []
    for y, a, b in _runs(grey, min_len):
        lines.append({"x0": a * scale, "x1": b * scale, "top": y * scale, "bottom": y * scale})
    for x, a, b in _runs(grey.transpose(Image.Transpose.TRANSPOSE), min_len):
        lines.append({"x0": x * scale, "x1": x * scale, "top": a * scale, "bottom": b * scale})
    return lines


_Box = tuple[float, float, float, float, str, float]
"""(x0, top, x1, bottom, text, score) of one detected text line, in pixels."""


def _recognise(engine: Any, image: Any) -> list[tuple[float, float, float, float, str, float]]:
    """Text boxes of a page image: (x0, top, x1, bottom, text, score) in pixels."""
    buf = io.BytesIO()
    image.convert("RGB").save(buf, "PNG")
    result, _elapsed = engine(buf.getvalue(), use_cls=False)
    out: list[tuple[float, float, float, float, str, float]] = []
    for box, text, score in result or ():
        xs = [float(p[0]) for p in box]
        ys = [float(p[1]) for p in box]
        out.append((min(xs), min(ys), max(xs), max(ys), str(text), float(score)))
    return out


def _lines(boxes: list[tuple[float, float, float, float, str, float]]) -> tuple[list[str], Decimal | None]:
    """Boxes of one cell -> printed lines (boxes side by side join) and the lowest score."""
    if not boxes:
        return [], None
    boxes = sorted(boxes, key=lambda b: (b[1], b[0]))
    lines: list[list[tuple[float, float, float, float, str, float]]] = []
    for box in boxes:
        last = lines[-1][0] if lines else None
        if last is not None and box[1] - last[1] < (last[3] - last[1]) * 0.5:
            lines[-1].append(box)
        else:
            lines.append([box])
    texts = ["".join(b[4] for b in sorted(line, key=lambda b: b[0])) for line in lines]
    low = min(b[5] for b in boxes)
    return texts, Decimal(str(low)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def ocr_page(page: Any, number: int, engine: Any) -> list[Row]:
    """Rows of OCR'd cells of a scanned pdfplumber page (empty when no ruled table is seen)."""
    image = page.to_image(resolution=RESOLUTION).original
    return ocr_image(image, number, engine, 72.0 / RESOLUTION)


def _split_at_borders(boxes: list[_Box], sk: Skeleton, scale: float) -> list[_Box]:
    """A detected text line running over a cell border (two neighbouring cells holding
    the same words, read as one line) is cut at the border, its characters shared out
    in proportion to the width on each side (Chinese characters are equally wide)."""
    out: list[_Box] = []
    nj = sk.nj
    for box in boxes:
        x0, top, x1, bottom, text, score = box
        cy = (top + bottom) / 2 * scale
        i = bisect_right(sk.ys, cy) - 1
        cuts: list[float] = []
        if 0 <= i < len(sk.ys) - 1 and len(text) > 1:
            for j in range(1, nj):
                bx = sk.xs[j] / scale
                if x0 + 2 < bx < x1 - 2 and sk.uf.find(i * nj + j - 1) != sk.uf.find(i * nj + j):
                    cuts.append(bx)
        if not cuts:
            out.append(box)
            continue
        edges = [x0, *cuts, x1]
        start = 0
        for a, b in pairwise(edges):
            end = len(text) if b == x1 else round(len(text) * (b - x0) / (x1 - x0))
            if end > start:
                out.append((a, top, b, bottom, text[start:end], score))
            start = end
    return out


def ocr_image(image: Any, number: int, engine: Any, scale: float) -> list[Row]:
    """Rows of OCR'd cells of a page bitmap; ``scale`` converts pixels to points.

    The page is recognised once (detection + recognition on the whole bitmap is far
    faster than one call per cell) and every text box is put in the grid cell under its
    centre, so the table structure comes from the ruled lines, never from the OCR.
    """
    sk = skeleton(ruled_lines(image, scale), [])
    if sk is None:
        return []
    nj = sk.nj
    per_cell: dict[int, list[tuple[float, float, float, float, str, float]]] = {}
    above: list[tuple[float, float, float, float, str, float]] = []
    left, right, top, bottom = sk.xs[0], sk.xs[-1], sk.ys[0], sk.ys[-1]
    for box in _split_at_borders(_recognise(engine, image), sk, scale):
        cx, cy = (box[0] + box[2]) / 2 * scale, (box[1] + box[3]) / 2 * scale
        if left <= cx < right and top <= cy < bottom:
            i = bisect_right(sk.ys, cy) - 1
            j = bisect_right(sk.xs, cx) - 1
            per_cell.setdefault(sk.uf.find(i * nj + j), []).append(box)
        elif cy < top:
            above.append(box)
    cells: dict[int, Cell] = {}
    for root, (i0, _i1, j0, j1) in sk.boxes.items():
        lines, conf = _lines(per_cell.get(root, []))
        cells[root] = Cell(lines, sk.xs[j0], sk.xs[j1 + 1], ref=f"R{i0 + 1}C{j0 + 1}", confidence=conf)
    rows = rows_of(sk, cells, number)
    width = image.width * scale
    title_lines, conf = _lines(above)  # the title and year printed above the table
    rows[:0] = [Row([Cell([line], 0.0, width, confidence=conf)], page=number, index=-1) for line in title_lines]
    return rows


def read_image(data: bytes, name: str | None) -> ImportResult:
    """A photographed or scanned page saved as an image (PNG, JPEG, TIFF): OCR only."""
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    frames = getattr(image, "n_frames", 1)
    ocr = engine()
    if ocr is None:
        pages = ", ".join(str(n) for n in range(1, frames + 1))
        return ImportResult.failed(make_issue("import-ocr-missing", Location(file=name, page=1), file=name, pages=pages), "image")
    mapper = FormMapper(name)
    issues: list[Issue] = []
    for number in range(1, frames + 1):
        image.seek(number - 1)
        frame = image.convert("RGB")
        dpi = image.info.get("dpi", (RESOLUTION, RESOLUTION))[0] or RESOLUTION
        mapper.feed(ocr_image(frame, number, ocr, 72.0 / float(dpi)))
        issues.append(make_issue("import-ocr-used", Location(file=name, page=number), file=name, page=number))
    forms, map_issues = mapper.finish()
    for index, form in enumerate(forms):
        issues += low_confidence_issues(form, index, threshold=Decimal(2))
    return ImportResult.of(forms, [*issues, *map_issues], "image")
