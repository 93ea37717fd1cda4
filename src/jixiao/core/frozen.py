"""A read-only, picklable mapping for the immutable records.

``types.MappingProxyType`` cannot be pickled, and records must cross process
boundaries (``--jobs N`` imports, parallel audits). ``FrozenMap`` is a ``dict`` whose
mutating methods raise, and which pickles as a plain copy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn


class FrozenMap(dict[str, Any]):
    __slots__ = ()

    def _readonly(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("FrozenMap is read-only")

    __setitem__ = __delitem__ = _readonly
    clear = pop = popitem = setdefault = update = _readonly
    __ior__ = _readonly

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (dict(self),))

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __repr__(self) -> str:
        return f"FrozenMap({dict.__repr__(self)})"


EMPTY = FrozenMap()


def freeze(mapping: Mapping[str, Any] | None) -> FrozenMap:
    """The mapping as a FrozenMap (itself when it already is one)."""
    if isinstance(mapping, FrozenMap):
        return mapping
    if not mapping:
        return EMPTY
    return FrozenMap(mapping)
