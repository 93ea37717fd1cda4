"""Service errors and the one table that maps them to HTTP status codes.

Services raise these; pages and the API both translate them through ``HTTP_STATUS``
so a conflict is a 409 and a blocked submission a 422 everywhere.
"""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    code = "error"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotFound(ServiceError):
    code = "not-found"


class Forbidden(ServiceError):
    code = "forbidden"


class Conflict(ServiceError):
    """The form changed since the editor loaded it (optimistic locking)."""

    code = "conflict"


class Blocked(ServiceError):
    """A transition refused because of the form's content (errors, missing reasons)."""

    code = "blocked"


class Invalid(ServiceError):
    """The request itself is wrong (missing comment, unknown action, bad JSON)."""

    code = "invalid"


class Unavailable(ServiceError):
    """A part of the system (scoring, audit, exporters, importers) is not installed."""

    code = "unavailable"


HTTP_STATUS: dict[type[ServiceError], int] = {
    NotFound: 404,
    Forbidden: 403,
    Conflict: 409,
    Blocked: 422,
    Invalid: 400,
    Unavailable: 503,
}


def status_of(error: ServiceError) -> int:
    for cls in type(error).__mro__:
        if cls in HTTP_STATUS:
            return HTTP_STATUS[cls]
    return 500


def payload(error: ServiceError) -> dict[str, Any]:
    return {"error": error.code, "message": error.message, **error.details}
