"""Throughput of load + check + score, against JSON load alone.

Generates N valid forms (default 100,000) in chunks, serialises each chunk to interchange
JSON, and in every worker process times (a) ``interchange.loads`` alone and (b) ``loads``
followed by ``check`` and ``score_form`` on every form. Generation and serialisation are
not timed. Prints forms/s over the workers' wall-clock and the ratio (b)/(a).

    python benchmarks/score.py [N] [--jobs 2] [--chunk 1000]
"""

from __future__ import annotations

import argparse
import os
import time
from concurrent.futures import ProcessPoolExecutor

from jixiao.core.audit import check
from jixiao.core.scoring import get_rule_set, score_form
from jixiao.formats.interchange import dumps, loads
from jixiao.synth import generate_forms


def run_chunk(args: tuple[int, int]) -> tuple[int, float, float, int]:
    seed, count = args
    text = dumps(list(generate_forms(count, seed=seed)))
    rules = get_rule_set("shanghai-2022")
    t0 = time.perf_counter()
    loads(text)
    t1 = time.perf_counter()
    forms, _ = loads(text)
    errors = 0
    for form in forms:
        score = score_form(form, rules)
        issues = check(form, rules, score=score)
        errors += sum(1 for i in issues if i.severity.value == "error")
    t2 = time.perf_counter()
    return count, t1 - t0, t2 - t1, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--chunk", type=int, default=1000)
    args = parser.parse_args()
    chunks = [(seed, min(args.chunk, args.n - seed * args.chunk)) for seed in range((args.n + args.chunk - 1) // args.chunk)]
    wall0 = time.perf_counter()
    load_s = full_s = 0.0
    forms = errors = 0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for count, load_t, full_t, errs in pool.map(run_chunk, chunks):
            forms += count
            load_s += load_t
            full_s += full_t
            errors += errs
    wall = time.perf_counter() - wall0
    per_worker_full = full_s / args.jobs
    print(f"forms: {forms}  jobs: {args.jobs}  chunk: {args.chunk}")
    print(f"JSON load only:           {load_s:8.2f} s CPU  {forms / (load_s / args.jobs):10.0f} forms/s")
    print(f"load + check + score:     {full_s:8.2f} s CPU  {forms / per_worker_full:10.0f} forms/s")
    print(f"ratio (load+check+score)/load: {full_s / load_s:.2f}x")
    print(f"wall-clock incl. generation: {wall:.1f} s; error issues on generated forms: {errors}")


if __name__ == "__main__":
    main()
