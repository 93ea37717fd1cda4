"""JSON with exact decimals: storage encoder/decoder and HTTP responses.

Forms hold money and scores as ``Decimal``. The database JSON columns store them as
JSON numbers (an integral amount as an integer) and read them back as ``Decimal``, so
no float arithmetic ever touches them; HTTP responses write them with their digits
(:func:`jixiao.formats.interchange.dumps_obj`).
"""

from __future__ import annotations

import datetime
import json
import uuid
from decimal import Decimal
from typing import Any

from django.http import HttpResponse

from jixiao.formats.interchange import dumps_obj


class DecimalEncoder(json.JSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            if not o.is_finite():  # parsers keep NaN/Infinity out of stored data; reaching here is a bug
                raise ValueError(f"{o} is not a JSON number")
            exponent = o.as_tuple().exponent
            if isinstance(exponent, int) and exponent >= 0 and o == o.to_integral_value():
                return int(o)
            return float(o)
        return super().default(o)


class DecimalDecoder(json.JSONDecoder):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["parse_float"] = Decimal
        super().__init__(*args, **kwargs)


def jsonable(value: Any) -> Any:
    """Dates, UUIDs, sets and tuples turned into JSON types; Decimals kept for exact output."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if hasattr(value, "items") and not isinstance(value, str | bytes):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


def dumps(value: Any) -> str:
    return dumps_obj(jsonable(value), indent=None)


def json_response(value: Any, status: int = 200) -> HttpResponse:
    return HttpResponse(dumps(value), status=status, content_type="application/json; charset=utf-8")
