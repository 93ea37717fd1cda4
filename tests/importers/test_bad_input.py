"""Bad input: every problem is an issue naming the file, never a traceback."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from jixiao.core.issues import Severity
from jixiao.importers import import_bytes, import_path
from tests.importers import minipdf
from tests.importers.conftest import sample


def _only_error(result, code: str, name: str):
    assert result.forms == []
    errors = [i for i in result.issues if i.severity is Severity.ERROR]
    assert [i.code for i in errors] == [code]
    assert errors[0].location.file == name
    assert name in errors[0].message() and name in errors[0].message("en")
    return errors[0]


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n"])
def test_empty(data):
    _only_error(import_bytes(data, "empty.pdf"), "import-empty", "empty.pdf")


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.xlsx"
    issue = _only_error(import_path(missing), "import-corrupt", str(missing))
    assert issue.params["detail"]


def test_wrong_type_is_named():
    elf = b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8
    issue = _only_error(import_bytes(elf, "program.pdf"), "import-unknown-format", "program.pdf")
    assert "PDF" in issue.message()
    broken_png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    _only_error(import_bytes(broken_png, "scan.png"), "import-corrupt", "scan.png")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    issue = _only_error(import_bytes(buf.getvalue(), "a.zip"), "import-unknown-format", "a.zip")
    assert ".xlsx" in issue.message("en")
    legacy_doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64) + "WordDocument".encode("utf-16-le") + bytes(64)
    issue = _only_error(import_bytes(legacy_doc, "old.doc"), "import-unknown-format", "old.doc")
    assert ".docx" in issue.message("en")


def test_random_bytes():
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(5000))
    _only_error(import_bytes(data, "noise.bin"), "import-unknown-format", "noise.bin")


def test_content_decides_not_the_extension(gold):
    data = sample("shanghai-2022-part1.rendered.xlsx").read_bytes()
    result = import_bytes(data, "misnamed.pdf")
    assert result.format == "xlsx"
    assert result.forms == gold


def test_encrypted_pdf():
    data = minipdf.build([minipdf.table_page()], encrypt=True)
    issue = _only_error(import_bytes(data, "secret.pdf"), "import-encrypted", "secret.pdf")
    assert "password" in issue.message("en")


def test_encrypted_office_file():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64) + "EncryptionInfo".encode("utf-16-le") + bytes(64)
    _only_error(import_bytes(data, "secret.xlsx"), "import-encrypted", "secret.xlsx")


@pytest.mark.parametrize("fraction", [0.3, 0.8])
def test_truncated_pdf(fraction):
    data = sample("shanghai-2022-part1.rendered.pdf").read_bytes()
    cut = data[: int(len(data) * fraction)]
    issue = _only_error(import_bytes(cut, "cut.pdf"), "import-corrupt", "cut.pdf")
    assert "truncated" in issue.message("en")


def test_truncated_xlsx():
    data = sample("shanghai-2022-part1.rendered.xlsx").read_bytes()
    _only_error(import_bytes(data[: len(data) // 2], "cut.xlsx"), "import-corrupt", "cut.xlsx")


def test_corrupt_xls():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(700)
    _only_error(import_bytes(data, "bad.xls"), "import-corrupt", "bad.xls")


def test_form_cut_off_keeps_what_is_there_and_flags_the_rest(gold):
    """A sheet holding only the top of a form (up to the goals)."""
    src = openpyxl.load_workbook(sample("shanghai-2022-part1.rendered.xlsx")).worksheets[0]
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in src.iter_rows(min_row=1, max_row=11):
        ws.append([c.value for c in row])
    buf = io.BytesIO()
    wb.save(buf)
    result = import_bytes(buf.getvalue(), "top.xlsx")
    [form] = result.forms
    assert form.project_name == gold[0].project_name
    assert form.funds == gold[0].funds
    assert form.goals == gold[0].goals
    missing = {i.location.field for i in result.issues if i.code == "import-field-missing"}
    assert missing == {"indicators", "total_score"}


def test_no_form_in_an_unrelated_workbook():
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "电话"])
    wb.active.append(["张三", "123"])
    buf = io.BytesIO()
    wb.save(buf)
    _only_error(import_bytes(buf.getvalue(), "contacts.xlsx"), "import-no-form-found", "contacts.xlsx")


@pytest.mark.slow
def test_two_hundred_pages():
    data = minipdf.build([minipdf.table_page() for _ in range(200)])
    issue = _only_error(import_bytes(data, "long.pdf"), "import-no-form-found", "long.pdf")
    assert issue.location.file == "long.pdf"
