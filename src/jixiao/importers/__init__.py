"""Import published documents (PDF, Excel, Word, scans, text dumps) into forms.

Public entry points: :func:`import_path`, :func:`import_bytes` and the common
:class:`ImportResult` (forms, issues, per-field confidences, detected format).
"""

from jixiao.importers.api import import_bytes, import_path
from jixiao.importers.result import ImportResult

__all__ = ["ImportResult", "import_bytes", "import_path"]
