"""Problems in user data are values: one :class:`Issue` type with a stable code.

Every kind of problem is declared once as an :class:`IssueType` (code, severity,
zh-CN and English title, message template and remedy, tags) in a registry. Checks,
importers and the web layer all create issues through :func:`make_issue`, so a code
means the same thing everywhere and ``docs/ISSUES.md`` can be generated from, and
tested against, the registry. Exceptions are reserved for programmer errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from jixiao.core.frozen import EMPTY, FrozenMap, freeze
from jixiao.core.model import Source


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True)
class IssueType:
    """The declaration of one issue code; templates use ``str.format`` fields."""

    code: str
    severity: Severity
    title_zh: str
    title_en: str
    message_zh: str
    message_en: str
    remedy_zh: str
    remedy_en: str
    tags: tuple[str, ...] = ()

    def title(self, lang: str = "zh") -> str:
        return self.title_en if lang == "en" else self.title_zh


REGISTRY: dict[str, IssueType] = {}


def register(issue_type: IssueType) -> IssueType:
    """Declare an issue code; a code may be declared only once."""
    existing = REGISTRY.get(issue_type.code)
    if existing is not None and existing != issue_type:
        raise ValueError(f"issue code {issue_type.code!r} declared twice")
    REGISTRY[issue_type.code] = issue_type
    return issue_type


def declare(
    code: str,
    severity: Severity,
    *,
    title: tuple[str, str],
    message: tuple[str, str],
    remedy: tuple[str, str],
    tags: Iterable[str] = (),
) -> IssueType:
    """Shorthand for :func:`register` with (zh, en) pairs."""
    return register(
        IssueType(
            code=code,
            severity=severity,
            title_zh=title[0],
            title_en=title[1],
            message_zh=message[0],
            message_en=message[1],
            remedy_zh=remedy[0],
            remedy_en=remedy[1],
            tags=tuple(tags),
        )
    )


@dataclass(frozen=True, slots=True)
class Location:
    """Where an issue is: the source position and the form's field path."""

    file: str | None = None
    page: int | None = None
    line: int | None = None
    sheet: str | None = None
    cell: str | None = None
    field: str | None = None
    form_index: int | None = None

    @classmethod
    def of(cls, source: Source | None, field_path: str | None = None, form_index: int | None = None) -> Location:
        if source is None:
            return cls(field=field_path, form_index=form_index)
        return cls(
            file=source.file,
            page=source.page,
            line=source.line,
            sheet=source.sheet,
            cell=source.cell,
            field=field_path or source.json_path,
            form_index=form_index,
        )

    def describe(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.form_index is not None:
            parts.append(f"#{self.form_index + 1}")
        if self.sheet or self.cell:
            parts.append("!".join(p for p in (self.sheet, self.cell) if p))
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.line is not None:
            parts.append(f"L{self.line}")
        if self.field:
            parts.append(self.field)
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}


class _SafeDict(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fmt(template: str, params: Mapping[str, Any]) -> str:
    return template.format_map(_SafeDict(params))


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in one form (or one input file)."""

    code: str
    severity: Severity
    location: Location = field(default_factory=Location)
    params: Mapping[str, Any] = EMPTY
    form: str | None = None
    """The form's project name, so that a flat list of issues stays readable."""

    def __post_init__(self) -> None:
        if not isinstance(self.params, FrozenMap):
            object.__setattr__(self, "params", freeze(self.params))

    @property
    def type(self) -> IssueType:
        return REGISTRY[self.code]

    def message(self, lang: str = "zh") -> str:
        t = self.type
        return _fmt(t.message_en if lang == "en" else t.message_zh, self.params)

    def remedy(self, lang: str = "zh") -> str:
        t = self.type
        return _fmt(t.remedy_en if lang == "en" else t.remedy_zh, self.params)

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "form": self.form,
            "location": self.location.to_dict(),
            "message": self.message(lang),
            "remedy": self.remedy(lang),
        }


def make_issue(
    code: str,
    location: Location | None = None,
    *,
    form: str | None = None,
    severity: Severity | None = None,
    **params: Any,
) -> Issue:
    """Create an issue of a registered code; unknown codes are a programmer error."""
    issue_type = REGISTRY.get(code)
    if issue_type is None:
        raise KeyError(f"unknown issue code {code!r}")
    return Issue(
        code=code,
        severity=severity or issue_type.severity,
        location=location or Location(),
        params=FrozenMap(params),
        form=form,
    )


def flatten(issues: Iterable[Issue], *keys: str) -> list[list[Any]]:
    """``[[field, code], ...]`` style rows for compact test assertions.

    Keys are ``code``, ``severity``, ``form`` or any :class:`Location` attribute.
    """
    keys = keys or ("field", "code")
    rows: list[list[Any]] = []
    for issue in issues:
        row: list[Any] = []
        for key in keys:
            if key in ("code", "form"):
                row.append(getattr(issue, key))
            elif key == "severity":
                row.append(issue.severity.value)
            else:
                row.append(getattr(issue.location, key))
        rows.append(row)
    return rows


def has_errors(issues: Iterable[Issue]) -> bool:
    return any(i.severity is Severity.ERROR for i in issues)
