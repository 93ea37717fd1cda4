"""PDF import time against pdfplumber's own ``extract_tables`` on the same file.

    .venv/bin/python benchmarks/import_speed.py [FILE.pdf ...] [--repeat N]

Both sides open the file from bytes and visit every page; the best of N runs is
reported (goal: import <= 1.5x extract_tables). Without arguments the shipped
sample rendition is used.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

import pdfplumber

from jixiao.importers import import_bytes

SAMPLE = Path(__file__).resolve().parents[1] / "src/jixiao/data/samples/shanghai-2022-part1.rendered.pdf"


def _extract_tables(data: bytes) -> int:
    n = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            n += len(page.extract_tables())
            page.close()
    return n


def _best(fn, data: bytes, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn(data)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    files = args.files or [SAMPLE]
    worst = 0.0
    print(f"{'file':40} {'pages':>5} {'forms':>5} {'extract_tables':>14} {'jixiao':>8} {'ratio':>6}")
    for path in files:
        data = path.read_bytes()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        forms = len(import_bytes(data, str(path)).forms)
        base = _best(_extract_tables, data, args.repeat)
        ours = _best(lambda d, name=str(path): import_bytes(d, name), data, args.repeat)
        ratio = ours / base if base else float("nan")
        worst = max(worst, ratio)
        print(f"{path.name[:40]:40} {pages:>5} {forms:>5} {base:>13.3f}s {ours:>7.3f}s {ratio:>5.2f}x")
    print(f"worst ratio {worst:.2f}x (goal <= 1.5x)")
    return 0 if worst <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
