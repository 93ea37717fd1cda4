"""Batch audit end to end: N generated forms (with planted anomalies) written as JSON files,
then ``run_audit`` (import, score, check, store), the cross-form findings and the HTML report.

Prints forms/s (wall clock) and forms per CPU-second (independent of other load on the
machine; with ``--jobs 2`` on 2 idle cores the wall rate approaches twice it) and peak
memory for each N, to show throughput and that memory stays flat:
the audit runs in its own process, which reports its own peak RSS and the largest worker's
peak RSS (``resource.getrusage``; tracemalloc is not used because forked workers would
inherit the tracing and slow down). The planted anomalies are checked against the
findings it writes after its figures are taken, so the manifest (every form id) is not
counted as the audit's memory.

    .venv/bin/python benchmarks/audit.py                  # N = 10,000 and 100,000, 2 jobs
    .venv/bin/python benchmarks/audit.py --n 2000 --jobs 1
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def generate(directory: Path, n: int, seed: int, per_file: int) -> None:
    from jixiao.analytics.corpus import write_corpus

    manifest = write_corpus(directory / "corpus", n, seed=seed, per_file=per_file)
    (directory / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def _cpu() -> float:
    """CPU seconds of this process and its finished workers (load on the machine does not change it)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def audit(directory: Path, jobs: int) -> dict[str, float]:
    from jixiao.analytics import Analysis, run_audit, write_report

    cpu0 = _cpu()
    t0 = time.perf_counter()
    run = run_audit([directory / "corpus"], jobs=jobs, workdir=directory / "run")
    t1 = time.perf_counter()
    cpu1 = _cpu()
    analysis = Analysis(run)
    t2 = time.perf_counter()
    write_report(analysis, directory / "report.html")
    t3 = time.perf_counter()
    out = str(directory / "findings.parquet").replace("'", "''")
    analysis.con.execute(f"COPY (SELECT form_id, kind FROM findings) TO '{out}' (FORMAT parquet)")
    return {
        "forms": run.forms, "failures": len(run.failures), "audit_s": t1 - t0, "audit_cpu_s": cpu1 - cpu0, "findings_s": t2 - t1, "report_s": t3 - t2,
        "rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def check(directory: Path) -> dict[str, int]:
    """Planted anomalies found and clean forms flagged, checked outside the measured process
    (the manifest of every form id is the benchmark's bookkeeping, not the audit's memory)."""
    import pyarrow.parquet as pq

    from jixiao.analytics.corpus import compare

    table = pq.read_table(directory / "findings.parquet")
    findings = zip(table.column("form_id").to_pylist(), table.column("kind").to_pylist(), strict=True)
    manifest = {k: tuple(v) for k, v in json.loads((directory / "manifest.json").read_text(encoding="utf-8")).items()}
    result = compare(manifest, findings)
    return {"planted": result.planted, "found": result.found, "clean": result.clean_forms, "clean_flagged": len(result.clean_flagged)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", default="10000,100000", help="comma-separated corpus sizes")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--per-file", type=int, default=100, help="forms per JSON file")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--phase", choices=["all", "generate", "audit"], default="all", help=argparse.SUPPRESS)
    p.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.phase == "generate":
        generate(a.dir, int(a.n), a.seed, a.per_file)
        return
    if a.phase == "audit":
        print(json.dumps(audit(a.dir, a.jobs) | check(a.dir)))
        return
    print(f"{'N':>8} {'gen s':>7} {'audit s':>8} {'forms/s':>8} {'forms/CPU-s':>11} {'findings s':>10} {'report s':>8} "
          f"{'RSS MB':>7} {'worker MB':>9} {'planted/found':>14} {'clean/flagged':>14}")
    for n in (int(x) for x in a.n.split(",")):
        directory = Path(tempfile.mkdtemp(prefix="jixiao-bench-audit-"))
        try:
            g0 = time.perf_counter()
            me = [sys.executable, __file__, "--dir", str(directory), "--n", str(n), "--seed", str(a.seed), "--per-file", str(a.per_file)]
            subprocess.run([*me, "--phase", "generate"], check=True)
            gen = time.perf_counter() - g0
            out = subprocess.run([*me, "--phase", "audit", "--jobs", str(a.jobs)], check=True, capture_output=True, text=True)
            r = json.loads(out.stdout.strip().splitlines()[-1]) | check(directory)
            print(f"{n:>8} {gen:>7.1f} {r['audit_s']:>8.1f} {r['forms'] / r['audit_s']:>8.0f} {r['forms'] / r['audit_cpu_s']:>11.0f} {r['findings_s']:>10.2f} "
                  f"{r['report_s']:>8.2f} {r['rss_self_mb']:>7.0f} {r['rss_worker_mb']:>9.0f} "
                  f"{r['planted']:>6}/{r['found']:<7} {r['clean']:>6}/{r['clean_flagged']:<7}", flush=True)
        finally:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
