"""Files to text: DOCX (paragraphs and table cells in order), PDF text layer, saved HTML, text.

Every failure becomes a ``ReadError`` with a Vietnamese message; no other exception escapes.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import zipfile
from pathlib import Path
from typing import Any

from ttdn.docparse.model import ReadError, ReadResult
from ttdn.text import TextDecodeError, decode, normalize
from ttdn.text.normalize import LEGACY_MESSAGE, legacy_encoding

MAX_BYTES = 50 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _sniff(data: bytes, filename: str) -> str:
    head = data[:1024].lstrip()
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    lowered = head[:200].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered:
        return "html"
    suffix = Path(filename).suffix.lower()
    return {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}.get(suffix, "text")


def read_bytes(data: bytes, filename: str) -> ReadResult:
    """Read a file's bytes into normalised text; raise ``ReadError`` when that is impossible."""
    if not data or not data.strip():
        raise ReadError("Tệp rỗng, không có nội dung.")
    if len(data) > MAX_BYTES:
        raise ReadError(f"Tệp quá lớn (giới hạn {MAX_BYTES // 1024 // 1024} MB).")
    kind = _sniff(data, filename)
    if kind == "ole":
        raise ReadError(
            "Tệp Word 97-2003 (.doc) chưa được hỗ trợ; hãy mở và lưu lại dưới dạng .docx."
        )
    if kind in {"docx", "pdf", "html"}:
        result = {"docx": _read_docx, "pdf": _read_pdf, "html": _read_html}[kind](data)
        # Old offices type with TCVN3/VNI fonts inside DOCX too: the letters are then mojibake.
        legacy = legacy_encoding(result.text)
        if legacy:
            raise ReadError(LEGACY_MESSAGE.format(name=legacy))
        return result
    try:
        text, warnings = decode(data)
    except TextDecodeError as error:
        raise ReadError(error.message) from error
    return ReadResult(text=text, format="text", warnings=tuple(warnings))


def read_file(path: str | Path) -> ReadResult:
    """Read a file from disk (see ``read_bytes``)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(f"Tệp quá lớn (giới hạn {MAX_BYTES // 1024 // 1024} MB).")
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise ReadError("Không tìm thấy tệp.") from error
    except OSError as error:
        raise ReadError(f"Không đọc được tệp ({error.strerror}).") from error
    return read_bytes(data, path.name)


def _docx_blocks(element: Any) -> list[str]:
    # Body order matters: the header table (issuer | Quốc hiệu) comes before the title.
    texts: list[str] = []
    for child in element.iterchildren():
        if child.tag == f"{_W}p":
            texts.append(_paragraph_text(child))
        elif child.tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                for cell in row.iterchildren(f"{_W}tc"):
                    texts.extend(_docx_blocks(cell))
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                texts.extend(_docx_blocks(content))
    return texts


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def _read_docx(data: bytes) -> ReadResult:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = _docx_blocks(document.element.body)
    except (
        zipfile.BadZipFile,
        PackageNotFoundError,
        KeyError,
        ValueError,
        XMLSyntaxError,
        AttributeError,
        TypeError,
    ) as error:
        raise ReadError("Tệp DOCX bị hỏng hoặc không đúng định dạng Word (.docx).") from error
    text = normalize("\n".join(blocks))
    if not text.strip():
        raise ReadError("Tệp DOCX không có nội dung văn bản.")
    return ReadResult(text=text, format="docx")


def _read_pdf(data: bytes) -> ReadResult:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs (rather than raises) on many damaged files; the user gets our message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    warnings: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
        RecursionError,
        ZeroDivisionError,
    ) as error:
        raise ReadError("Tệp PDF bị hỏng hoặc không đọc được.") from error
    if not pages:
        raise ReadError("Tệp PDF bị hỏng hoặc không có trang nào.")
    text = normalize("\n".join(pages))
    if len(text.strip()) < 20:
        raise ReadError(
            "PDF không có lớp văn bản (có thể là bản quét); hãy dùng tệp DOCX hoặc PDF có chữ."
        )
    return ReadResult(text=text, format="pdf", warnings=tuple(warnings))


def _read_html(data: bytes) -> ReadResult:
    import trafilatura
    from lxml import etree
    from lxml import html as lxml_html

    # trafilatura logs an ERROR for every page it cannot parse; the caller gets ReadError instead.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    try:
        markup, warnings = decode(data)
    except TextDecodeError as error:
        raise ReadError(error.message) from error
    body = trafilatura.extract(
        markup, include_comments=False, include_tables=True, favor_recall=True
    )
    meta = trafilatura.extract_metadata(markup)
    title = meta.title if meta and meta.title else None
    published: dt.date | None = None
    if meta and meta.date:
        try:
            published = dt.date.fromisoformat(meta.date[:10])
        except ValueError:
            published = None
    if not body:
        try:
            body = lxml_html.fromstring(markup).text_content()
        except (ValueError, TypeError, etree.LxmlError) as error:
            raise ReadError("Trang HTML không đọc được.") from error
    text = normalize(f"{title}\n\n{body}" if title and title not in body[:500] else body)
    if not text.strip():
        raise ReadError("Trang HTML không có nội dung.")
    return ReadResult(
        text=text, format="html", warnings=tuple(warnings), title=title, published_at=published
    )
