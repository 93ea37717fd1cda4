"""The records of the indicator reader: a cell, a row as far as read, a page's rows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cell:
    text: str
    line: int
    page: int
    conf: float = 1.0


@dataclass
class Unit:
    """One indicator row as far as it could be read on its page."""

    page: int
    order: float
    name: Cell | None = None
    target: Cell | None = None
    actual: Cell | None = None
    weight: Cell | None = None
    score: Cell | None = None
    deviation: Cell | None = None
    level2: str | None = None
    level1: str | None = None
    marker_before: str | None = None

    @property
    def has_ta(self) -> bool:
        return self.target is not None or self.actual is not None

    @property
    def has_ws(self) -> bool:
        return self.weight is not None


@dataclass
class PageRows:
    page: int
    units: list[Unit] = field(default_factory=list)
    """Rows carrying target/actual (with or without 分值/得分)."""
    bulk_ws: list[Unit] = field(default_factory=list)
    """分值/得分 pairs printed without their row."""
    pool_names: list[Unit] = field(default_factory=list)
    orphan_ta: list[Unit] = field(default_factory=list)
    markers: list[tuple[float, str, str]] = field(default_factory=list)
    """(order, kind l1/l2, label)."""
    total: Cell | None = None
    total_weight: Cell | None = None
    loose: list[Cell] = field(default_factory=list)
    positional: bool = False
    """Markers sit at their merged cell's centre (layout dumps)."""
