"""The indicator rows of the editor, rendered in Python.

A form has up to a few dozen indicator rows of ten cells each; rendering them through
the template engine was most of the cost of opening the editor under load, so they are
built here with plain string formatting, every value passed through ``html.escape``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def _v(value: Any) -> str:
    return "" if value is None else escape(str(value))


def _cell(name: str, value: Any, css: str) -> str:
    return f'<td><input name="ind.{name}" value="{_v(value)}" class="{css}"></td>'


def editor_row(ind: dict[str, Any] | None, labels: tuple[str, str, str] | None = None) -> str:
    data = (ind or {}).get("data") or {}
    computed = (ind or {}).get("computed") or {}
    up, down, remove = labels or (escape(_("上移")), escape(_("下移")), escape(_("删除")))
    return (
        '<tr class="ind">'
        + _cell("level1", data.get("level1"), "w6")
        + _cell("level2", data.get("level2"), "w6")
        + _cell("name", data.get("name"), "w10")
        + f'<td><input name="ind.target" value="{_v(data.get("target"))}" class="w8 target">'
        f'<div class="reading">{_v((ind or {}).get("reading"))}</div></td>'
        + _cell("actual", data.get("actual"), "w8 actual")
        + _cell("weight", data.get("weight"), "w3 num")
        + _cell("score", data.get("score"), "w3 num")
        + f'<td><textarea name="ind.deviation" rows="2" class="w10">{_v(data.get("deviation"))}</textarea></td>'
        f'<td class="computed">{_v(computed.get("score"))}</td>'
        f'<td class="rowctl"><button type="button" class="up" title="{up}">↑</button>'
        f'<button type="button" class="down" title="{down}">↓</button>'
        f'<button type="button" class="remove" title="{remove}">✕</button></td></tr>'
    )


def editor_rows(indicators: list[dict[str, Any]]) -> SafeString:
    labels = (escape(_("上移")), escape(_("下移")), escape(_("删除")))
    return mark_safe("\n".join(editor_row(i, labels) for i in indicators))  # values escaped above


def blank_row() -> SafeString:
    return mark_safe(editor_row(None))  # values escaped above
