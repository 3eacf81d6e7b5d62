"""Documents built for the parser tests: text, DOCX with a header table, PDF with a text layer.

Every sentence here was written for the tests; nothing is copied from a real document.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import docx

from tests.builders import official_text

__all__ = ["SEEDS_DIR", "docx_bytes", "official_text", "pdf_bytes"]

SEEDS_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def docx_bytes(paragraphs: list[str], *, header: list[tuple[str, str]] | None = None) -> bytes:
    """Return a DOCX: an optional two-column header table, then one paragraph per line."""
    document = docx.Document()
    if header:
        table = document.add_table(rows=len(header), cols=2)
        for row, (left, right) in zip(table.rows, header, strict=True):
            row.cells[0].text, row.cells[1].text = left, right
    for line in paragraphs:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _cmap(codes: dict[str, int], *, decomposed: bool) -> bytes:
    entries = []
    for char, code in codes.items():
        target = unicodedata.normalize("NFD", char) if decomposed else char
        utf16 = target.encode("utf-16-be").hex().upper()
        entries.append(f"<{code:02X}> <{utf16}>")
    blocks = [entries[i : i + 100] for i in range(0, len(entries), 100)]
    body = "\n".join(
        f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar" for block in blocks
    )
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        f"{body}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def pdf_bytes(lines: list[str], *, decomposed: bool = False) -> bytes:
    """Return a one-page PDF whose text layer holds ``lines``.

    Written by hand (no PDF library): a Helvetica font with a ToUnicode map that gives every
    character its own one-byte code, which is how a text layer reaches pypdf. With
    ``decomposed`` the map yields NFD text ("a" + U+0301), as many real PDFs do.
    """
    chars = sorted(set("".join(lines)))
    assert len(chars) < 255, "too many distinct characters for a one-byte font"
    codes = {char: index + 1 for index, char in enumerate(chars)}
    operations = []
    for number, line in enumerate(lines):
        hexed = "".join(f"{codes[char]:02X}" for char in line)
        operations.append(f"BT /F1 10 Tf 40 {800 - 14 * number} Td <{hexed}> Tj ET")
    content = "\n".join(operations).encode("ascii")
    cmap = _cmap(codes, decomposed=decomposed)
    widths = " ".join("500" for _ in chars)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
        ),
        (
            f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 "
            f"/LastChar {len(chars)} /Widths [{widths}] /ToUnicode 6 0 R >>"
        ).encode("ascii"),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
