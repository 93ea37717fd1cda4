"""Scanned PDF pages, read cell by cell (optional extra ``jixiao[ocr]``).

A scan has no text layer and no vector borders, so the page is rendered, the ruled
lines are found in the bitmap (long dark runs of pixels), the same grid rebuilding as
for native PDFs (:mod:`.pdfgrid`) turns them into cells, and each cell is recognised on
its own with rapidocr-onnxruntime (whose models ship inside the wheel: nothing is
downloaded). Reading cell by cell keeps the table structure exact even where the OCR of
a word is not, and every value carries the recogniser's confidence.

rapidocr is imported lazily: without the extra, scanned
pages are reported with ``import-ocr-missing`` ("install jixiao[ocr]").
"""

from __future__ import annotations

import io
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from jixiao.core.issues import Issue, Location, make_issue
from jixiao.importers.grid import Cell, Row
from jixiao.importers.mapper import FormMapper
from jixiao.importers.pdfgrid import rows_of, skeleton
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


def _recognise(engine: Any, crop: Any) -> tuple[list[str], Decimal | None]:
    """Lines of text in one cell image and the lowest confidence among them."""
    buf = io.BytesIO()
    crop.convert("RGB").save(buf, "PNG")
    result, _elapsed = engine(buf.getvalue())
    if not result:
        return [], None
    boxes = sorted(result, key=lambda r: (min(p[1] for p in r[0]), min(p[0] for p in r[0])))
    lines: list[str] = []
    last_y: float | None = None
    for box, text, _score in boxes:
        top = min(p[1] for p in box)
        height = max(p[1] for p in box) - top
        if last_y is not None and top - last_y < height * 0.5 and lines:
            lines[-1] += text
        else:
            lines.append(text)
            last_y = top
    low = min(float(r[2]) for r in result)
    return lines, Decimal(str(low)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def ocr_page(page: Any, number: int, engine: Any) -> list[Row]:
    """Rows of OCR'd cells of a scanned pdfplumber page (empty when no ruled table is seen)."""
    image = page.to_image(resolution=RESOLUTION).original
    return ocr_image(image, number, engine, 72.0 / RESOLUTION)


def ocr_image(image: Any, number: int, engine: Any, scale: float) -> list[Row]:
    """Rows of OCR'd cells of a page bitmap; ``scale`` converts pixels to points."""
    sk = skeleton(ruled_lines(image, scale), [])
    if sk is None:
        return []
    cells: dict[int, Cell] = {}
    pad = 1.5
    for root in sk.boxes:
        x0, top, x1, bottom = sk.bbox(root)
        crop = image.crop((int((x0 + pad) / scale), int((top + pad) / scale), int((x1 - pad) / scale), int((bottom - pad) / scale)))
        lines: list[str] = []
        conf: Decimal | None = None
        if crop.width < 4 or crop.height < 4:
            pass
        else:
            lines, conf = _recognise(engine, crop)
        i0, _i1, j0, _j1 = sk.boxes[root]
        cells[root] = Cell(lines, x0, x1, ref=f"R{i0 + 1}C{j0 + 1}", confidence=conf)
    rows = rows_of(sk, cells, number)
    top = sk.ys[0]
    if top / scale > 16:  # the title and year printed above the table
        lines, conf = _recognise(engine, image.crop((0, 0, image.width, int(top / scale))))
        width = image.width * scale
        rows[:0] = [Row([Cell([line], 0.0, width, confidence=conf)], page=number, index=-1) for line in lines]
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
