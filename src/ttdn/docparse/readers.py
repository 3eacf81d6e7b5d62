"""Files to text: DOCX (paragraphs and table cells in order), PDF text layer, saved HTML, text.

The format is sniffed from the content first and the file name second: offices rename files
freely ("baocao.doc" that is really a DOCX, "kehoach.txt" that is a saved web page). Every
failure becomes a ``ReadError`` with a Vietnamese message; no other exception escapes.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from ttdn.docparse.model import ReadError, ReadResult
from ttdn.text import TextDecodeError, decode, normalize
from ttdn.text.legacy import repair_legacy

Format = Literal["text", "docx", "pdf", "html"]

MAX_BYTES = 50 * 1024 * 1024
# A DOCX is compressed XML: refuse archives whose document part unpacks to more than this, so a
# small "zip bomb" cannot exhaust memory.
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_PART = "word/document.xml"
_DAMAGED: dict[Format, str] = {
    "docx": "Tệp DOCX bị hỏng hoặc không đúng định dạng Word (.docx).",
    "pdf": "Tệp PDF bị hỏng hoặc không đọc được.",
    "html": "Trang HTML không đọc được.",
    "text": "Tệp văn bản không đọc được.",
}


def _too_large() -> ReadError:
    return ReadError(
        f"Tệp quá lớn (giới hạn {MAX_BYTES // 1024 // 1024} MB); hãy tách thành các tệp nhỏ hơn."
    )


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _DOCX_PART in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def sniff_format(data: bytes, filename: str) -> Format | Literal["ole", "zip"]:
    """Return the format of a file: by its content first, by its extension second."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"PK\x03\x04"):
        return "docx" if _is_docx(data) else "zip"
    if data.startswith(b"%PDF") or b"%pdf-" in data[:1024].lower():
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "html"
    suffix = Path(filename).suffix.lower()
    by_suffix: dict[str, Format] = {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}
    return by_suffix.get(suffix, "text")


def read_bytes(data: bytes, filename: str) -> ReadResult:
    """Read a file's bytes into normalised text; raise ``ReadError`` when that is impossible."""
    if len(data) > MAX_BYTES:
        raise _too_large()
    if not data.strip():
        raise ReadError("Tệp rỗng, không có nội dung.")
    found = sniff_format(data, filename)
    if found == "ole":
        raise ReadError(
            "Tệp Word 97-2003 (.doc) chưa được hỗ trợ; hãy mở và lưu lại dưới dạng .docx."
        )
    if found == "zip":
        if Path(filename).suffix.lower() == ".docx":
            raise ReadError(_DAMAGED["docx"])
        raise ReadError(
            "Tệp nén (ZIP, XLSX, ODT…) không phải văn bản Word .docx; hãy tải lên tệp DOCX, PDF, "
            "HTML hoặc TXT."
        )
    readers: dict[Format, Callable[[bytes], ReadResult]] = {
        "docx": _read_docx,
        "pdf": _read_pdf,
        "html": _read_html,
        "text": _read_text,
    }
    try:
        return readers[found](data)
    except ReadError:
        raise
    except Exception as error:
        # python-docx, pypdf, lxml and zipfile raise dozens of exception types on damaged or
        # hostile files (and MemoryError or RecursionError on the worst); callers are promised
        # ReadError and nothing else, with the cause chained for the logs.
        raise ReadError(_DAMAGED[found]) from error


def read_file(path: str | Path) -> ReadResult:
    """Read a file from disk (see ``read_bytes``)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _too_large()
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise ReadError("Không tìm thấy tệp.") from error
    except IsADirectoryError as error:
        raise ReadError("Đây là thư mục, không phải tệp.") from error
    except OSError as error:
        raise ReadError(f"Không đọc được tệp ({error.strerror or error}).") from error
    return read_bytes(data, path.name)


def _finish(raw: str, form: Format, warnings: list[str], **extra: Any) -> ReadResult:
    # DOCX, PDF and HTML carry Unicode, but runs typed in a .VnTime or VNI-Times font are
    # mojibake all the same: convert them before normalising (normalize drops U+00AD, which is
    # the TCVN3 code of "ư").
    text, warning = repair_legacy(raw)
    if warning:
        warnings.append(warning)
    text = normalize(text)
    if not text.strip():
        empty = {
            "docx": "Tệp DOCX không có nội dung văn bản.",
            "html": "Trang HTML không có nội dung.",
        }
        raise ReadError(empty.get(form, "Tệp không có nội dung văn bản."))
    return ReadResult(text=text, format=form, warnings=tuple(warnings), **extra)


def _read_text(data: bytes) -> ReadResult:
    try:
        text, warnings = decode(data)
    except TextDecodeError as error:
        raise ReadError(error.message) from error
    if not text.strip():
        raise ReadError("Tệp rỗng, không có nội dung.")
    return ReadResult(text=text, format="text", warnings=tuple(warnings))


def _docx_blocks(
    element: Any, texts: list[str], tables: list[tuple[tuple[str, ...], ...]] | None = None
) -> None:
    # Body order matters: the header table (issuer | Quốc hiệu, Số | place and date) comes
    # before the title, and the footer table (Nơi nhận | signing block) after the body.
    for child in element.iterchildren():
        if child.tag == f"{_W}p":
            texts.append(_paragraph_text(child))
        elif child.tag == f"{_W}tbl":
            rows: list[tuple[str, ...]] = []
            for row in child.iterchildren(f"{_W}tr"):
                cells: list[str] = []
                for cell in row.iterchildren(f"{_W}tc", f"{_W}sdt"):
                    cell_texts: list[str] = []
                    # Tables inside a cell are read as text only, not as tables of their own.
                    _docx_blocks(cell, cell_texts)
                    texts.extend(cell_texts)
                    cells.append("\n".join(cell_texts))
                rows.append(tuple(cells))
            if tables is not None:
                tables.append(tuple(rows))
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}tc"):
            _docx_blocks(child, texts, tables)


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag == f"{_W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _read_docx(data: bytes) -> ReadResult:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(_DOCX_PART)
        if info.file_size > MAX_UNPACKED_BYTES:
            raise _too_large()
        xml = archive.read(info)
    # No entities, no network: a DOCX is untrusted input.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    root = etree.fromstring(xml, parser)
    body = root.find(f"{_W}body")
    if body is None:
        raise ReadError(_DAMAGED["docx"])
    texts: list[str] = []
    tables: list[tuple[tuple[str, ...], ...]] = []
    _docx_blocks(body, texts, tables)
    # Cells go through the same repair and normalisation as the text, so that a plan's task
    # table can be matched against it.
    clean = tuple(
        tuple(tuple(normalize(repair_legacy(cell)[0]) for cell in row) for row in table)
        for table in tables
    )
    return _finish("\n".join(texts), "docx", [], tables=clean)


def _read_pdf(data: bytes) -> ReadResult:
    from pypdf import PdfReader

    # pypdf logs (rather than raises) on many damaged files; the user gets our message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ReadError("Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.")
    pages = [page.extract_text() or "" for page in reader.pages]
    if not pages:
        raise ReadError("Tệp PDF bị hỏng hoặc không có trang nào.")
    raw = "\n".join(pages)
    if sum(1 for ch in raw if ch.isalpha()) < 20:
        raise ReadError(
            "PDF không có lớp văn bản (bản quét?): hãy dùng tệp DOCX, hoặc PDF xuất từ Word, "
            "hoặc nhận dạng chữ (OCR) trước khi tải lên."
        )
    return _finish(raw, "pdf", [])


def _read_html(data: bytes) -> ReadResult:
    import trafilatura
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
    title = meta.title if meta is not None and meta.title else None
    published: dt.date | None = None
    if meta is not None and meta.date:
        try:
            published = dt.date.fromisoformat(meta.date[:10])
        except ValueError:
            published = None
    if not body:
        # trafilatura finds no article (a bare page, a table of text): take all visible text.
        tree = lxml_html.fromstring(markup)
        for node in tree.xpath("//script|//style|//nav|//header|//footer|//noscript"):
            node.drop_tree()
        body = tree.text_content()
    raw = f"{title}\n\n{body}" if title and title not in body[:1000] else body
    return _finish(raw, "html", warnings, title=title, published_at=published)
