"""Import published documents (PDF, Excel, Word, scans, text dumps) into forms.

Public entry points: :func:`import_path`, :func:`import_bytes` and the common
:class:`ImportResult` (forms, issues, per-field confidences, detected format).
"""

from jixiao.importers.api import import_bytes, import_path
from jixiao.importers.result import ImportResult

SUPPORTED_SUFFIXES = frozenset(
    {".pdf", ".xlsx", ".xlsm", ".xls", ".docx", ".htm", ".html", ".txt", ".text", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
)
"""Suffixes worth picking up when a directory is scanned (the content decides the format)."""

__all__ = ["SUPPORTED_SUFFIXES", "ImportResult", "import_bytes", "import_path"]
