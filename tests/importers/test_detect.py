"""Format detection from content, and the text/JSON routes."""

from __future__ import annotations

from jixiao.formats.interchange import dumps
from jixiao.importers import import_bytes
from jixiao.importers.detect import decode_text, detect
from tests.importers.conftest import sample


def test_detect_by_magic_bytes():
    assert detect(sample("shanghai-2022-part1.rendered.pdf").read_bytes()).format == "pdf"
    assert detect(sample("shanghai-2022-part1.rendered.xlsx").read_bytes()).format == "xlsx"
    assert detect(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)).format == "xls"
    assert detect("项目名称 公务员管理工作经费".encode()).format == "text"
    assert detect(b"[]").format == "json"
    assert detect(b"\x00\x01\x02\x03" * 50).format == "unknown"


def test_text_in_gb18030_and_utf16_is_decoded():
    text = "财政项目支出绩效自评表\n项目名称 公务员管理工作经费\n"
    assert decode_text(text.encode("gb18030")) == text
    assert decode_text(text.encode("utf-16")) == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode()) == text


def test_json_goes_through_the_interchange_reader(gold):
    result = import_bytes(dumps(gold).encode(), "forms.json")
    assert result.format == "json"
    assert result.forms == gold


def test_text_dump_goes_to_the_text_parser(gold):
    result = import_bytes(sample("shanghai-2022-part1.txt").read_bytes(), "dump.txt")
    assert result.format.startswith("text")
    # whatever the text parser makes of it, the dispatcher hands it over without crashing
    assert isinstance(result.forms, list)
    assert all(i.location.file in (None, "dump.txt") for i in result.issues)
