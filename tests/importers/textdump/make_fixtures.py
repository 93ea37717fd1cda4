"""Regenerate the text-dump fixtures from the rendered sample PDF (needs poppler-utils)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pdfminer.high_level import extract_text

HERE = Path(__file__).parent / "fixtures"
PDF = Path(__file__).parents[3] / "src/jixiao/data/samples/shanghai-2022-part1.rendered.pdf"


def long_line(plain: str) -> str:
    pages = plain.split("\f")
    return "\n".join(" ".join(ln.strip() for ln in p.split("\n") if ln.strip()) for p in pages if p.strip()) + "\n"


def main() -> None:
    layout = subprocess.run(["pdftotext", "-layout", str(PDF), "-"], capture_output=True, text=True, check=True).stdout
    plain = subprocess.run(["pdftotext", str(PDF), "-"], capture_output=True, text=True, check=True).stdout
    (HERE / "rendered.pdftotext-layout.txt").write_text(layout)
    (HERE / "rendered.pdftotext-plain.txt").write_text(plain)
    (HERE / "rendered.pdfminer.txt").write_text(extract_text(str(PDF)))
    (HERE / "rendered.long-line.txt").write_text(long_line(plain))


if __name__ == "__main__":
    main()
