"""Import published documents (PDF, Excel, Word, scans, text dumps) into forms.

Public entry points: :func:`import_path`, :func:`import_bytes` and the common
:class:`ImportResult`.
"""

from jixiao.importers.result import ImportResult

__all__ = ["ImportResult"]
