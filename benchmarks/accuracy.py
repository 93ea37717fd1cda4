"""Field-level import accuracy per input type, on generated forms and on the samples.

    .venv/bin/python benchmarks/accuracy.py [--n 40] [--seed 1] [--no-libreoffice]

Generates varied valid forms (``jixiao.synth``: indicator counts, long wrapped texts,
empty fund rows, deviations, 万元 forms), renders them with the project's exporters
to .xlsx, HTML and PDF, and the .xlsx once more to PDF with LibreOffice (other fonts and page
breaks: forms run over several pages). From every PDF it makes the text dumps people
actually get: (a) pdfminer.six ``extract_text``, (b) one long line of tokens per page
(a web-page copy), (c) ``pdftotext -layout``, (d) plain ``pdftotext``. Everything is
imported back through ``import_bytes`` and compared field by field with the forms it
came from (a missing form counts all its fields as wrong). Goals: 100% on xlsx and
native PDF, >= 99% on dumps (a), (c), (d), >= 95% on (b), samples at 100%.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.core.model import Form
from jixiao.formats.interchange import load_path, to_obj
from jixiao.importers import import_bytes

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "jixiao" / "data" / "samples"


# -- comparison --------------------------------------------------------------------------------


def fields(form: Form) -> dict[str, Any]:
    """Field path -> value for every field of the interchange format."""
    out: dict[str, Any] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(f"{prefix}[{i}]", v)
        else:
            out[prefix] = value

    obj = to_obj(form)
    obj.setdefault("amount_unit", None)
    walk("", obj)
    return out


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a == b
    return a == b and type(a) is type(b)


def score(expected: Sequence[Form], got: Sequence[Form]) -> tuple[int, int, list[str]]:
    """(correct fields, total fields, first differences and the misses counted by field)
    matching forms in order."""
    correct = total = 0
    diffs: list[str] = []
    misses: Counter[str] = Counter()
    by_name: dict[str | None, list[Form]] = {}
    for f in got:
        by_name.setdefault(f.project_name, []).append(f)
    for k, exp in enumerate(expected):
        want = fields(exp)
        total += len(want)
        candidates = by_name.get(exp.project_name) or ([got[k]] if k < len(got) else [])
        if not candidates:
            diffs.append(f"form {k + 1} ({exp.project_name}) not found")
            continue
        have = fields(candidates.pop(0))
        for path, value in want.items():
            if _same(value, have.get(path)):
                correct += 1
            else:
                misses[re.sub(r"\[\d+\]", "[]", path)] += 1
                if len(diffs) < 12:
                    diffs.append(f"form {k + 1} {path}: want {value!r} got {have.get(path, '<absent>')!r}")
    if misses:
        diffs.append("misses by field: " + ", ".join(f"{p} {n}" for p, n in misses.most_common(8)))
    return correct, total, diffs


# -- renditions ----------------------------------------------------------------------------------


def _run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(cmd, check=True, capture_output=True, timeout=600, **kw)


def libreoffice_pdf(xlsx: bytes, workdir: Path) -> bytes | None:
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    if not exe:
        return None
    src = workdir / "lo.xlsx"
    src.write_bytes(xlsx)
    profile = workdir / "lo-profile"
    _run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", str(workdir), str(src)])
    out = workdir / "lo.pdf"
    return out.read_bytes() if out.exists() else None


def dumps_of(pdf: bytes, workdir: Path) -> dict[str, str]:
    """The text dumps (a)-(d) of a PDF, made with the real tools."""
    from io import BytesIO

    from pdfminer.high_level import extract_text

    out: dict[str, str] = {"a pdfminer": extract_text(BytesIO(pdf))}
    path = workdir / "dump.pdf"
    path.write_bytes(pdf)
    if shutil.which("pdftotext"):
        plain = _run(["pdftotext", "-enc", "UTF-8", str(path), "-"]).stdout.decode("utf-8")
        layout = _run(["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"]).stdout.decode("utf-8")
        pages = plain.split("\f")
        out["b one line/page"] = "\n\n".join(" ".join(p.split()) for p in pages if p.strip()) + "\n"
        out["c pdftotext -layout"] = layout
        out["d pdftotext"] = plain
    return out


def scanned(pdf: Path, workdir: Path) -> bytes:
    """An image-only PDF of ``pdf``: pages rasterised at 150 dpi in greyscale (a scan)."""
    from io import BytesIO

    from PIL import Image

    _run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), str(workdir / "scan")])
    pages = [Image.open(p).convert("L") for p in sorted(workdir.glob("scan*.png"))]
    buf = BytesIO()
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=150)
    return buf.getvalue()


# -- the run -------------------------------------------------------------------------------------


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, int, int, int, int, float, list[str]]] = []

    def add(self, name: str, expected: Sequence[Form], make: Callable[[], tuple[bytes, str]] | None) -> None:
        if make is None:
            return
        t = time.perf_counter()
        try:
            data, fname = make()
            result = import_bytes(data, fname)
            got = result.forms
        except Exception as exc:  # the benchmark reports, it does not stop
            got = []
            print(f"  {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
        seconds = time.perf_counter() - t
        correct, total, diffs = score(expected, got)
        self.rows.append((name, len(expected), len(got), correct, total, seconds, diffs))

    def print(self, verbose: bool) -> None:
        print(f"{'input':32} {'forms':>9} {'fields':>13} {'accuracy':>9} {'time':>7}")
        for name, n_exp, n_got, correct, total, seconds, diffs in self.rows:
            acc = 100.0 * correct / total if total else 0.0
            print(f"{name:32} {n_got:>4}/{n_exp:<4} {correct:>6}/{total:<6} {acc:>8.2f}% {seconds:>6.2f}s")
            if verbose:
                for d in diffs:
                    print(f"      {d}")


def generated(n: int, seed: int) -> list[Form]:
    from jixiao.synth import generate_forms

    plain = list(generate_forms(n - n // 4, seed=seed))
    long = list(generate_forms(n // 4, seed=seed + 1, long_text=True, max_per_level2=6))
    return plain + long


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=40, help="generated forms (default 40)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-libreoffice", action="store_true", help="skip the LibreOffice rendition")
    ap.add_argument("--ocr", action="store_true", help="also OCR a 150 dpi greyscale scan of the sample (needs jixiao[ocr])")
    ap.add_argument("-v", "--verbose", action="store_true", help="show the first differences")
    args = ap.parse_args(list(argv) if argv is not None else None)

    from jixiao.exporters import export_forms

    forms = generated(args.n, args.seed)
    table = Table()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        xlsx = export_forms(forms, "xlsx")
        pdfs: dict[str, bytes] = {"pdf (exporter)": export_forms(forms, "pdf")}
        if not args.no_libreoffice:
            try:
                lo = libreoffice_pdf(xlsx, work)
            except (subprocess.SubprocessError, OSError) as exc:
                print(f"LibreOffice rendition skipped: {exc}", file=sys.stderr)
                lo = None
            if lo:
                pdfs["pdf (LibreOffice)"] = lo
        table.add("xlsx (exporter)", forms, lambda: (xlsx, "gen.xlsx"))
        table.add("html (exporter)", forms, lambda: (export_forms(forms, "html"), "gen.html"))
        for label, pdf in pdfs.items():
            table.add(label, forms, lambda pdf=pdf: (pdf, "gen.pdf"))
            for kind, text in dumps_of(pdf, work).items():
                table.add(f"  text {kind}", forms, lambda text=text: (text.encode("utf-8"), "gen.txt"))

        gold, _ = load_path(SAMPLES / "shanghai-2022-part1.gold.json")
        for name in ("shanghai-2022-part1.rendered.xlsx", "shanghai-2022-part1.rendered.pdf", "shanghai-2022-part1.txt"):
            path = SAMPLES / name
            if path.exists():
                table.add(f"sample {name.split('part1.')[1]}", gold, lambda path=path: (path.read_bytes(), path.name))
        rendered = SAMPLES / "shanghai-2022-part1.rendered.pdf"
        if rendered.exists():
            for kind, text in dumps_of(rendered.read_bytes(), work).items():
                table.add(f"  sample pdf -> text {kind}", gold, lambda text=text: (text.encode("utf-8"), "sample.txt"))
        if args.ocr and rendered.exists():
            table.add("  sample pdf -> scan 150dpi (OCR)", gold, lambda: (scanned(rendered, work), "scan.pdf"))
    n_wan = sum(f.amount_unit == "万元" for f in forms)
    n_ind = sorted(len(f.indicators) for f in forms)
    print(f"{len(forms)} generated forms ({n_wan} in 万元, {n_ind[0]}-{n_ind[-1]} indicators each, seed {args.seed})")
    table.print(args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
