"""pdftotext -layout (placeholder, replaced below)."""
from jixiao.importers.textdump.tokens import build_lines


def layout_pages(text):  # type: ignore[no-untyped-def]
    return build_lines(text)
