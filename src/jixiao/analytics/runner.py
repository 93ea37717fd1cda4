"""``run_audit``: read every document under some paths, score, check, store, in parallel.

Files are processed in chunks; each chunk (in a worker process when ``jobs > 1``)
reads its files, scores and checks every form, and writes its rows as Parquet part
files, returning only counts and failures. Memory therefore stays flat in the number
of forms: no process keeps Form objects beyond the file it is reading. A file that
cannot be read, or a form whose scoring raises, becomes a :class:`Failure` with its
reason and the run goes on.
"""

from __future__ import annotations

import gc
import math
import os
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.analytics import store
from jixiao.analytics.facts import form_id, issue_rows, rows_for
from jixiao.analytics.run import AuditRun, Failure
from jixiao.core.audit import check
from jixiao.core.issues import Issue, Severity
from jixiao.core.model import Form
from jixiao.core.scoring import FormScore, RuleSet, get_rule_set, score_form

Progress = Callable[[int, int], None]
"""Called as ``progress(files_done, files_total)`` after each chunk."""

FLUSH_FORMS = 1000
"""Rows of this many forms are written as a part file, so a worker's memory is bounded
whatever the chunk size (a chunk can be hundreds of files of a hundred forms each).
1000 rather than 2000: a worker peaks ~35 MB lower, at the same speed (measured)."""

SUFFIXES = frozenset({".json", ".xlsx", ".xls", ".docx", ".pdf", ".txt", ".png", ".jpg", ".jpeg"})
"""Files read inside a directory (a file named explicitly is always tried)."""


def iter_files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Every file named, and every file with a supported suffix under a named directory."""
    suffixes = SUFFIXES
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                        yield Path(root) / name
        else:
            yield p  # named files go to the importers whatever their suffix (they sniff the content)


@dataclass
class _ChunkResult:
    files: int = 0
    forms: int = 0
    failures: list[Failure] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _load(path: Path) -> tuple[list[Any], list[Issue]]:
    if path.suffix.lower() == ".json":
        from jixiao.formats.interchange import load_path

        return load_path(path)
    from jixiao.importers import import_path

    result = import_path(path)
    return list(result.forms), list(result.issues)


def _score_and_check(form: Form, rule_set: RuleSet) -> tuple[FormScore, list[Issue]]:
    score = score_form(form, rule_set)
    return score, check(form, rule_set, score=score)


def _reason(issues: list[Issue]) -> str:
    errors = [i for i in issues if i.severity is Severity.ERROR] or issues
    if not errors:
        return "未读出任何自评表 / no form found"
    return "；".join(f"{i.code}: {i.message('zh')}" for i in errors[:3])


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cycle collector for one chunk, collect once at the end.

    Forms and rows are acyclic and freed by reference counting; what the collector
    would walk again and again are the large, long-lived caches of the value grammar
    and the scoring rules. Measured on a warm worker: 1.05 ms per form with the
    collector running, 0.62 ms with it paused.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(1)


def _process_chunk(number: int, paths: list[str], rules: str, directory: str) -> _ChunkResult:
    with _gc_paused():
        return _chunk(number, paths, rules, directory)


def _chunk(number: int, paths: list[str], rules: str, directory: str) -> _ChunkResult:
    rule_set = get_rule_set(rules)
    result = _ChunkResult(counts={"error": 0, "warning": 0, "info": 0})
    form_rows: list[Any] = []
    ind_rows: list[Any] = []
    iss_rows: list[Any] = []
    out = Path(directory)
    parts = 0

    def flush() -> None:
        nonlocal parts
        part = f"{number:06d}-{parts:04d}"
        for table, rows in (("forms", form_rows), ("indicators", ind_rows), ("issues", iss_rows)):
            store.write_part(out, table, part, rows)
            rows.clear()
        parts += 1

    for name in paths:
        result.files += 1
        path = Path(name)
        try:
            if not path.is_file():
                raise FileNotFoundError("文件不存在 / no such file")
            forms, file_issues = _load(path)
        except Exception as exc:  # one bad file never stops the batch
            result.failures.append(Failure(name, f"{type(exc).__name__}: {exc}"))
            continue
        by_form: dict[int | None, list[Issue]] = {}
        for issue in file_issues:
            by_form.setdefault(issue.location.form_index, []).append(issue)
        iss_rows.extend(issue_rows(by_form.pop(None, []), name, None))
        if not forms:
            result.failures.append(Failure(name, _reason(file_issues), tuple(i.code for i in file_issues)))
            continue
        for index, form in enumerate(forms):
            try:
                score, checked = _score_and_check(form, rule_set)
                issues = [*by_form.get(index, []), *checked]
                frow, irows, srows = rows_for(form, name, index, score, issues)
            except Exception as exc:
                where = traceback.extract_tb(exc.__traceback__)[-1]
                reason = f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
                result.failures.append(Failure(form_id(name, index), reason))
                continue
            result.forms += 1
            for sev, n in zip(("error", "warning", "info"), frow[-3:], strict=True):
                result.counts[sev] += n
            form_rows.append(frow)
            ind_rows.extend(irows)
            iss_rows.extend(srows)
        if len(form_rows) >= FLUSH_FORMS:
            flush()
    if form_rows or iss_rows or not parts:
        flush()
    return result


def audit_forms(
    forms: Iterable[Any],
    *,
    rules: str = "shanghai-2022",
    file: str = "<forms>",
    workdir: str | os.PathLike[str] | None = None,
    chunk: int = 5000,
) -> AuditRun:
    """Score, check and store forms already in memory (in this process), as :func:`run_audit` does for files."""
    started = time.perf_counter()
    directory = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="jixiao-audit-"))
    directory.mkdir(parents=True, exist_ok=True)
    run = AuditRun(directory=directory, rules=rules, owns_directory=workdir is None, files=1)
    rule_set = get_rule_set(rules)
    buffers: tuple[list[Any], list[Any], list[Any]] = ([], [], [])
    part = 0

    def flush() -> None:
        nonlocal part
        for table, rows in zip(("forms", "indicators", "issues"), buffers, strict=True):
            store.write_part(directory, table, f"m{part:06d}", rows)
            rows.clear()
        part += 1

    for index, form in enumerate(forms):
        try:
            score, issues = _score_and_check(form, rule_set)
            frow, irows, srows = rows_for(form, file, index, score, issues)
        except Exception as exc:
            run.failures.append(Failure(form_id(file, index), f"{type(exc).__name__}: {exc}"))
            continue
        run.forms += 1
        buffers[0].append(frow)
        buffers[1].extend(irows)
        buffers[2].extend(srows)
        if len(buffers[0]) >= chunk:
            flush()
    flush()
    run.seconds = time.perf_counter() - started
    return run


def _crashed(chunk: list[str], exc: BaseException) -> _ChunkResult:
    """A chunk whose worker died: every file in it is listed, the run goes on."""
    reason = f"worker failed: {type(exc).__name__}: {exc}"
    return _ChunkResult(files=len(chunk), failures=[Failure(name, reason) for name in chunk])


def _run_pool(chunks: list[list[str]], jobs: int, rules: str, directory: Path, merge: Callable[[_ChunkResult], None]) -> None:
    """Chunks in worker processes, at most ``2 * jobs`` in flight, merged as they finish.

    When a worker dies (a crash in a native reader takes the whole pool down), the files
    of every chunk that did not finish are retried one per fresh process, so only the
    file that kills its process is listed as failed.
    """
    retry: list[str] = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: dict[Future[_ChunkResult], list[str]] = {}

        def collect(futures: Iterable[Future[_ChunkResult]]) -> None:
            for f in futures:
                chunk = pending.pop(f)
                try:
                    merge(f.result())
                except Exception:  # BrokenProcessPool and the like
                    retry.extend(chunk)

        for n, chunk in enumerate(chunks):
            try:
                pending[pool.submit(_process_chunk, n, chunk, rules, str(directory))] = chunk
            except Exception:  # the pool is already broken
                retry.extend(chunk)
                continue
            if len(pending) >= jobs * 2:
                finished, _ = wait(set(pending), return_when=FIRST_COMPLETED)
                collect(finished)
        collect(list(pending))
    for i, name in enumerate(retry, start=len(chunks)):
        with ProcessPoolExecutor(max_workers=1) as alone:
            try:
                merge(alone.submit(_process_chunk, i, [name], rules, str(directory)).result())
            except Exception as exc:
                merge(_crashed([name], exc))


def run_audit(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    rules: str = "shanghai-2022",
    progress: Progress | None = None,
    workdir: str | os.PathLike[str] | None = None,
) -> AuditRun:
    """Audit every document under ``paths``; results are stored as Parquet in ``workdir``.

    ``workdir`` defaults to a new temporary directory (removed by ``AuditRun.cleanup``).
    """
    started = time.perf_counter()
    get_rule_set(rules)  # an unknown rule set fails here, before any work
    files = [str(p) for p in iter_files(paths)]
    directory = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="jixiao-audit-"))
    directory.mkdir(parents=True, exist_ok=True)
    jobs = max(1, int(jobs))
    size = max(1, min(500, math.ceil(len(files) / (jobs * 8)) if files else 1))
    chunks = [files[i : i + size] for i in range(0, len(files), size)] or [[]]
    run = AuditRun(directory=directory, rules=rules, owns_directory=workdir is None)
    done = 0

    def merge(res: _ChunkResult) -> None:
        nonlocal done
        done += res.files
        run.files += res.files
        run.forms += res.forms
        run.failures.extend(res.failures)
        for k, v in res.counts.items():
            run.issue_counts[k] = run.issue_counts.get(k, 0) + v
        if progress is not None:
            progress(done, len(files))

    if jobs == 1 or len(chunks) == 1:
        for n, chunk in enumerate(chunks):
            merge(_process_chunk(n, chunk, rules, str(directory)))
    else:
        _run_pool(chunks, jobs, rules, directory, merge)
    run.failures.sort(key=lambda f: f.file)
    run.seconds = time.perf_counter() - started
    return run
