"""Reading the files named on a command line into forms, whatever their format.

Interchange JSON is read directly; every other format goes through the importers
(which detect the format from content). A file that cannot be read becomes an issue,
never a traceback, so one bad file does not hide the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jixiao.core.issues import Issue, Location, Severity, declare, make_issue
from jixiao.core.model import Form
from jixiao.formats import interchange

declare(
    "input-unreadable",
    Severity.ERROR,
    title=("文件无法读取", "File cannot be read"),
    message=("无法读取文件：{reason}", "Cannot read the file: {reason}"),
    remedy=("检查路径是否存在、是否有读取权限。", "Check that the path exists and is readable."),
    tags=("input",),
)


@dataclass
class LoadedFile:
    path: str
    forms: list[Form] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def _looks_like_json(path: Path, head: bytes) -> bool:
    if path.suffix.lower() == ".json":
        return True
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped[:1] in (b"{", b"[")


def load_file(path: str | Path) -> LoadedFile:
    """Forms and issues of one file (JSON or any importable document)."""
    p = Path(path)
    name = str(path)
    try:
        with p.open("rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return LoadedFile(name, [], [make_issue("input-unreadable", Location(file=name), reason=reason)])
    if _looks_like_json(p, head):
        forms, issues = interchange.load_path(p)
        return LoadedFile(name, forms, issues)
    from jixiao.importers import import_path  # imported lazily: PDF/Excel libraries are heavy

    result = import_path(p)
    return LoadedFile(name, list(result.forms), list(result.issues))


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and every file under the directories named."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith("."))
        else:
            yield p


def load_all(paths: Iterable[str | Path]) -> list[LoadedFile]:
    return [load_file(p) for p in expand(paths)]
