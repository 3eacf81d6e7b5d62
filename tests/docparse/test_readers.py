from __future__ import annotations

import io
import zipfile

import docx
import pytest
import weasyprint

from tests.builders import docx_bytes, official_text
from ttdn.docparse import ReadError, parse_bytes, read_bytes


def header_table_docx() -> bytes:
    """A DOCX laid out as offices do: a two-column header table, then the body."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    cells = [
        ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("TỈNH ĐỒNG NAI", "Độc lập - Tự do - Hạnh phúc"),
        ("Số: 281/KH-UBND", "Đồng Nai, ngày 21 tháng 8 năm 2024"),
    ]
    for row, (left, right) in zip(table.rows, cells, strict=True):
        row.cells[0].text, row.cells[1].text = left, right
    for line in (
        "KẾ HOẠCH",
        "Triển khai Nghị quyết số 47/NQ-CP ngày 15/4/2024 của Chính phủ",
        "I. MỤC TIÊU",
        "1. Nâng cao hiệu quả thông tin đối ngoại.",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_header_table_is_read_in_order():
    parsed = parse_bytes(header_table_docx(), "kh.docx")

    assert parsed.metadata.number == "281/KH-UBND"
    assert parsed.metadata.issuer == "Ủy ban nhân dân tỉnh Đồng Nai"
    assert [c.key for c in parsed.citations] == ["47/NQ-CP"]


def test_pdf_text_layer_is_read_in_nfc():
    html = "".join(f"<p>{line}</p>" for line in official_text().splitlines())
    pdf = weasyprint.HTML(string=f"<html><body>{html}</body></html>").write_pdf()

    result = read_bytes(pdf, "kh.pdf")
    parsed = parse_bytes(pdf, "kh.pdf")

    assert result.format == "pdf"
    assert parsed.metadata.number == "281/KH-UBND"
    assert parsed.metadata.issued_at.isoformat() == "2024-08-21"
    assert {c.key for c in parsed.citations} == {"47/NQ-CP", "57-KL/TW"}


def test_saved_html_page_drops_site_chrome():
    page = """<!doctype html><html><head><title>Triển khai thông tin đối ngoại năm 2024</title>
    </head><body><nav>Trang chủ | Giới thiệu | Liên hệ</nav>
    <article><h1>Triển khai thông tin đối ngoại năm 2024</h1>
    <p>UBND tỉnh vừa triển khai Kế hoạch thông tin đối ngoại năm 2024 theo Nghị định số
    72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ về quản lý hoạt động thông tin đối ngoại.</p>
    <p>Các sở, ngành tăng cường quảng bá hình ảnh của tỉnh ra nước ngoài.</p></article>
    <footer>Bản quyền thuộc Cổng thông tin điện tử tỉnh</footer></body></html>"""

    parsed = parse_bytes(page.encode(), "tin.html")

    assert "Trang chủ | Giới thiệu" not in parsed.text
    assert parsed.metadata.title == "Triển khai thông tin đối ngoại năm 2024"
    assert [c.key for c in parsed.citations] == ["72/2015/NĐ-CP"]


def test_utf16_text_file():
    result = read_bytes(official_text().encode("utf-16"), "kh.txt")
    assert result.text.startswith("ỦY BAN NHÂN DÂN")


def test_windows_1258_text_file_is_read_with_a_warning():
    result = read_bytes(b"H\xe0 N\xf4\xf2i, ng\xe0y 2 th\xe1ng 9", "vb.txt")
    assert result.text.startswith("Hà Nội")
    assert result.warnings


@pytest.mark.parametrize(
    ("sample", "name"),
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "TCVN3"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "VNI"),
    ],
)
def test_legacy_font_encodings_are_refused_with_instructions(sample, name):
    with pytest.raises(ReadError, match=name) as raised:
        read_bytes(sample.encode("cp1252"), "cu.txt")
    assert "Unicode" in raised.value.message


def test_legacy_encoding_inside_a_docx_is_refused_too():
    with pytest.raises(ReadError, match="TCVN3"):
        read_bytes(docx_bytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam\nSè: 12/KH-UBND"), "cu.docx")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "rỗng"),
        (b"   \n ", "blank.txt", "rỗng"),
        (b"PK\x03\x04garbage", "broken.docx", "DOCX"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "truncated.pdf", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.doc", ".doc"),
        (bytes(range(256)) * 50, "junk.bin", "không phải văn bản"),
    ],
)
def test_unreadable_files_give_a_clear_vietnamese_error(data, name, message):
    with pytest.raises(ReadError, match=message):
        read_bytes(data, name)


def test_docx_zip_without_document_part():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    with pytest.raises(ReadError, match="DOCX"):
        read_bytes(buffer.getvalue(), "fake.docx")


def test_pdf_without_text_layer_is_refused():
    pdf = weasyprint.HTML(string="<html><body><div style='height:5cm'></div></body></html>")
    with pytest.raises(ReadError, match="lớp văn bản"):
        read_bytes(pdf.write_pdf(), "scan.pdf")


def test_oversized_file_is_refused(monkeypatch):
    from ttdn.docparse import readers

    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    with pytest.raises(ReadError, match="quá lớn"):
        read_bytes(b"x" * 101, "big.txt")
