"""`jixiao import`, `export`, `report`, `audit` and `indicators` driven through the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli.main import app
from jixiao.formats.interchange import load_path

SAMPLES = Path(__file__).resolve().parents[2] / "src/jixiao/data/samples"
GOLD = SAMPLES / "shanghai-2022-part1.gold.json"
runner = CliRunner()


def test_import_xlsx_writes_interchange_and_report(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["import", str(SAMPLES / "shanghai-2022-part1.rendered.xlsx"), "-o", str(out), "--report"])
    assert result.exit_code == 0, result.output
    forms, issues = load_path(out)
    gold, _ = load_path(GOLD)
    assert issues == []
    assert forms == gold
    entries = json.loads((tmp_path / "out.report.json").read_text(encoding="utf-8"))
    assert entries[0]["format"] == "xlsx"
    assert entries[0]["forms"][0]["sources"]["total_score"]
    assert entries[0]["forms"][0]["low_confidence"] == []
    assert "低置信度字段" in result.output


def test_import_report_file_lists_low_confidence_fields_of_a_text_dump(tmp_path: Path) -> None:
    out, report = tmp_path / "forms.json", tmp_path / "where" / "r.json"
    report.parent.mkdir()
    result = runner.invoke(
        app, ["import", str(SAMPLES / "shanghai-2022-part1.txt"), "-o", str(out), "--report-file", str(report), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    entries = json.loads(report.read_text(encoding="utf-8"))
    assert entries[0]["format"].startswith("text/")
    confidences = [c for f in entries[0]["forms"] for c in f["confidence"].values()]
    assert confidences and all(0 <= float(c) <= 1 for c in confidences)
    for form in entries[0]["forms"]:
        assert form["low_confidence"] == sorted(k for k, c in form["confidence"].items() if float(c) < 0.9)
    assert "Format" in result.output and "Forms" in result.output
    assert not (tmp_path / "forms.report.json").exists()


def test_import_of_unreadable_files_exits_nonzero_without_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    noise = tmp_path / "noise.bin"
    noise.write_bytes(bytes(range(256)) * 8)
    result = runner.invoke(app, ["import", str(empty), str(noise)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "empty.pdf" in result.output


def test_export_html_and_report_html(tmp_path: Path) -> None:
    html = tmp_path / "forms.html"
    result = runner.invoke(app, ["export", str(GOLD), "--to", "html", "-o", str(html)])
    assert result.exit_code == 0, result.output
    text = html.read_text(encoding="utf-8")
    assert "财政项目支出绩效自评表" in text and "公务员管理工作经费" in text
    rep = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(GOLD), "--to", "html", "-o", str(rep)])
    assert result.exit_code == 0, result.output
    assert "1.94" in rep.read_text(encoding="utf-8")


def test_export_csv_long_form(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(GOLD), "--to", "csv", "-o", str(tmp_path / "data.csv")])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.iterdir())
    assert len(written) == 2
    import duckdb

    rows = duckdb.connect().execute(f"SELECT count(*) FROM read_csv_auto('{tmp_path}/*indicator*.csv')").fetchall()
    assert rows[0][0] == 27 + 22 + 14 + 13


def test_audit_directory_with_report_and_library(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(GOLD, docs / "a.json")
    (docs / "broken.json").write_text("{", encoding="utf-8")
    report, lib = tmp_path / "audit.html", tmp_path / "lib.parquet"
    result = runner.invoke(app, ["audit", str(docs), "--report", str(report), "--library", str(lib)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "broken.json" in result.output  # the failure is listed, the other file still audited
    assert report.exists() and "echarts" in report.read_text(encoding="utf-8").lower()
    result = runner.invoke(app, ["indicators", "search", "满意度", "--library", str(lib), "--json"])
    assert result.exit_code == 0, result.output
    names = [r["name"] for r in json.loads(result.stdout)]
    assert "培训学员满意度" in names


def test_pdf_export_without_cjk_font_is_a_message_not_a_traceback(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import jixiao.exporters
    from jixiao.core.issues import make_issue
    from jixiao.exporters import ExportError, pdf_issues

    def no_font(*args: object, **kwargs: object) -> bytes:
        raise ExportError([make_issue("export-font-missing", family="Noto Serif CJK SC")])

    pdf_issues()  # registers the codes
    monkeypatch.setattr(jixiao.exporters, "export_forms", no_font)
    result = runner.invoke(app, ["export", str(GOLD), "--to", "pdf", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "fonts-noto-cjk" in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_pdf_export_writes_a_pdf(tmp_path: Path) -> None:
    out = tmp_path / "forms.pdf"
    result = runner.invoke(app, ["export", str(GOLD), "--to", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")


def test_low_confidence_fields_are_one_row_per_form_on_the_terminal(tmp_path: Path) -> None:
    """A text dump flags many fields; the table names them per form, --report keeps each."""
    report = tmp_path / "r.json"
    args = ["import", str(SAMPLES / "shanghai-2022-part1.txt"), "-o", str(tmp_path / "f.json"), "--lang", "en"]
    result = runner.invoke(app, [*args, "--report-file", str(report)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    issues = [i for e in json.loads(report.read_text(encoding="utf-8")) for i in e["issues"]]
    per_form = [i for i in issues if i["code"] == "import-low-confidence"]
    rows = [ln for ln in result.output.splitlines() if "import-low-confidence" in ln]
    assert len(per_form) > len(rows) > 0
    assert len(rows) == len({i["location"]["form_index"] for i in per_form})
    assert all("fields read with low confidence" in r for r in rows)
    warnings = sum(i["severity"] == "warning" for i in issues)
    assert f"{warnings} warnings" in result.output  # the summary still counts every field
