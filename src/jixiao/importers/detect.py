"""Tell a document's format from its bytes, not its name.

Files arrive renamed, mis-suffixed or as attachments with no suffix at all, so the
first bytes decide: ``%PDF`` is a PDF, a ZIP is .xlsx or .docx by the names inside, an
OLE2 compound file is a legacy .xls (or an *encrypted* Office file, or a .doc), and
anything else is decoded as text (UTF-8, then GB18030) when it looks like text.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True, slots=True)
class Detected:
    format: str
    """"pdf", "xlsx", "docx", "xls", "image", "json", "text", or a failure: "empty", "encrypted",
    "corrupt", "unknown"."""
    detail: str = ""
    expected: str = ""
    text: str | None = None


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def decode_text(data: bytes) -> str | None:
    """The text of ``data`` if it is UTF-8/UTF-16/GB18030 text, else ``None``."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:4096]:
        return None
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f\v")
        if controls > max(2, len(sample) // 100):
            return None
        return text
    return None


def detect(data: bytes) -> Detected:
    if not data.strip():
        return Detected("empty")
    head = data[:1024]
    if b"%PDF-" in head:
        return Detected("pdf")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = z.namelist()
        except Exception as exc:  # BadZipFile, NotImplementedError (unknown version), …
            return Detected("corrupt", f"ZIP 结构损坏 / broken ZIP: {exc}", "Excel (.xlsx) / Word (.docx)")
        if any(n.startswith("xl/") for n in names):
            return Detected("xlsx")
        if any(n.startswith("word/") for n in names):
            return Detected("docx")
        if "mimetype" in names and "content.xml" in names:
            return Detected(
                "unknown",
                "OpenDocument 文件（.ods/.odt），请另存为 .xlsx 或 .docx / OpenDocument (.ods/.odt), save as .xlsx or .docx",
            )
        return Detected("unknown", "ZIP 压缩包，但不是 .xlsx 或 .docx / a ZIP archive that is neither .xlsx nor .docx")
    if data.startswith(OLE2):
        if _utf16("EncryptionInfo") in data or _utf16("EncryptedPackage") in data:
            return Detected("encrypted", "Office 文档设有打开密码 / Office file with an open password", "Excel/Word")
        if _utf16("WordDocument") in data:
            return Detected("unknown", "旧版 Word (.doc) 文件，请另存为 .docx / legacy Word .doc, save as .docx")
        return Detected("xls")
    if data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return Detected("image")
    text = decode_text(data)
    if text is None:
        return Detected("unknown", "二进制数据，不是文本 / binary data, not text")
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return Detected("json", text=text)
    return Detected("text", text=text)
