"""Running one function over many files, in parallel when asked, with a progress bar."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

T = TypeVar("T")


def map_files(
    func: Callable[[Path], T], paths: Sequence[Path], *, jobs: int = 1, label: str = "", console: Console | None = None
) -> Iterator[tuple[Path, T]]:
    """Yield ``(path, func(path))`` in input order; a bar shows on a terminal for 2+ files."""
    console = console or Console(stderr=True)
    show = len(paths) > 1 and console.is_terminal
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, disable=not show, transient=True,
    ) as bar:
        task = bar.add_task(label, total=len(paths))
        if jobs <= 1 or len(paths) <= 1:
            for path in paths:
                yield path, func(path)
                bar.advance(task)
            return
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for path, result in zip(paths, pool.map(func, paths, chunksize=1), strict=True):
                yield path, result
                bar.advance(task)
