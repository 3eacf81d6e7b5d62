from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest

from tests.docparse.samples import docx_bytes, official_text, pdf_bytes
from ttdn.docparse import ReadError, parse_bytes, read_bytes, read_file

HEADER = [
    (
        "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    ),
    ("Số: 281/KH-UBND", "Đồng Nai, ngày 21 tháng 8 năm 2024"),
]
BODY = [
    "KẾ HOẠCH",
    "Triển khai Nghị quyết số 47/NQ-CP ngày 15/4/2024 của Chính phủ",
    "I. MỤC TIÊU",
    "1. Nâng cao hiệu quả thông tin đối ngoại.",
    "Nơi nhận:",
    "- Sở Ngoại vụ;",
    "- Lưu: VT.",
    "Q. CHỦ TỊCH",
    "Võ Tấn Đức",
]

# Test-local code charts, written separately from ttdn.text.legacy's tables so that a wrong
# entry there shows up here: the letters of the sample sentence in each legacy encoding.
TCVN3 = {"ộ": "é", "à": "µ", "ã": "·", "ủ": "ñ", "ĩ": "Ü", "ệ": "Ö", "Đ": "§", "ậ": "Ë"}
TCVN3 |= {"ạ": "¹", "ú": "ó", "ố": "è", "ồ": "å", "á": "¸", "ă": "¨", "ỉ": "Ø", "ư": "\xad"}
TCVN3 |= {"ự": "ù", "ờ": "ê", "ị": "Þ", "đ": "®", "ô": "«", "ế": "Õ", "ơ": "¬", "ò": "ß", "ề": "Ò"}
VNI = {"ộ": "oä", "ò": "oø", "ã": "aõ", "ủ": "uû", "ĩ": "ó", "ệ": "eä", "Đ": "Ñ", "ậ": "aä"}
VNI |= {"ạ": "aï", "ú": "uù", "ố": "oá", "ồ": "oà", "á": "aù", "ă": "aê", "ỉ": "æ", "ư": "ö"}
VNI |= {"ự": "öï", "ờ": "ôø", "ị": "ò", "đ": "ñ", "ô": "oâ", "ế": "eá", "ơ": "ô", "à": "aø"}
VNI |= {"ề": "eà"}
SAMPLE = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/KH-UBND\nĐồng Nai, ngày 21 tháng 8 năm 2024\n"
    "Thực hiện Kế hoạch số 277/KH-UBND của UBND tỉnh về thông tin đối ngoại.\n"
)


def legacy_bytes(text: str, chart: dict[str, str]) -> bytes:
    return "".join(chart.get(char, char) for char in text).encode("latin-1")


def test_docx_header_table_is_read_in_document_order():
    parsed = parse_bytes(docx_bytes(BODY, header=HEADER), "kh.docx")
    meta = parsed.metadata

    assert parsed.kind == "administrative"
    assert (meta.number, meta.issued_at.isoformat()) == ("281/KH-UBND", "2024-08-21")
    assert meta.issuer == "Ủy ban nhân dân tỉnh Đồng Nai"
    assert meta.signer.name == "Võ Tấn Đức"
    assert [c.key for c in parsed.citations] == ["47/NQ-CP"]
    assert [s.number for s in parsed.sections] == ["I", "I.1"]


def test_docx_is_sniffed_by_content_whatever_its_name():
    assert read_bytes(docx_bytes(BODY, header=HEADER), "ke-hoach.doc").format == "docx"


def test_pdf_text_layer_is_read_in_nfc():
    pdf = pdf_bytes(official_text().splitlines(), decomposed=True)

    result = read_bytes(pdf, "kh.pdf")
    parsed = parse_bytes(pdf, "kh.pdf")

    assert result.format == "pdf"
    assert unicodedata.is_normalized("NFC", result.text)
    assert "Cộng hòa".upper() in result.text
    assert parsed.metadata.number == "281/KH-UBND"
    assert parsed.metadata.issued_at.isoformat() == "2024-08-21"
    assert {c.key for c in parsed.citations} == {"47/NQ-CP", "57-KL/TW"}


def test_saved_html_page_drops_site_chrome():
    page = """<!doctype html><html><head><title>Triển khai thông tin đối ngoại năm 2024</title>
    <meta property="article:published_time" content="2024-03-05"></head><body>
    <nav><a href="/">Trang chủ</a> | <a href="/gt">Giới thiệu</a> | <a href="/lh">Liên hệ</a></nav>
    <article><h1>Triển khai thông tin đối ngoại năm 2024</h1>
    <p>UBND tỉnh vừa triển khai Kế hoạch thông tin đối ngoại năm 2024 theo Nghị định số
    72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ về quản lý hoạt động thông tin đối ngoại.</p>
    <p>Các sở, ngành tăng cường quảng bá hình ảnh của tỉnh ra nước ngoài.</p></article>
    <footer>Bản quyền thuộc Cổng thông tin điện tử tỉnh. Liên hệ quảng cáo.</footer>
    </body></html>"""

    result = read_bytes(page.encode(), "tin.bin")
    parsed = parse_bytes(page.encode(), "tin.html")

    assert result.format == "html"
    assert "Giới thiệu" not in parsed.text
    assert "Bản quyền" not in parsed.text
    assert parsed.kind == "news"
    assert parsed.metadata.title == "Triển khai thông tin đối ngoại năm 2024"
    assert [c.key for c in parsed.citations] == ["72/2015/NĐ-CP"]


def test_utf16_text_file():
    result = read_bytes(official_text().encode("utf-16"), "kh.txt")
    assert result.text.startswith("ỦY BAN NHÂN DÂN")
    assert result.format == "text"


def test_windows_1258_text_file_is_read_with_a_warning():
    result = read_bytes(b"H\xe0 N\xf4\xf2i, ng\xe0y 2 th\xe1ng 9", "vb.txt")
    assert result.text.startswith("Hà Nội")
    assert result.warnings


@pytest.mark.parametrize(("chart", "name"), [(TCVN3, "TCVN3"), (VNI, "VNI")])
def test_legacy_font_encodings_are_converted_to_unicode(chart, name):
    data = legacy_bytes(SAMPLE, chart)

    result = read_bytes(data, "cu.txt")
    parsed = parse_bytes(data, "cu.txt")

    assert result.text == SAMPLE
    assert any(name in warning and "Unicode" in warning for warning in result.warnings)
    assert parsed.metadata.issued_at.isoformat() == "2024-08-21"
    assert [c.key for c in parsed.citations] == ["277/KH-UBND"]


def test_tcvn3_upper_case_font_lines_come_out_in_capitals():
    # .VnTimeH draws the lower-case codes as capitals: "CéNG HOµ" is "CỘNG HOÀ".
    data = "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM\n§éc lËp - Tù do - H¹nh phóc\n".encode("latin-1")
    assert read_bytes(data, "cu.txt").text.splitlines() == [
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]


def test_legacy_encoding_inside_a_docx_is_converted_too():
    lines = legacy_bytes(SAMPLE, TCVN3).decode("latin-1").splitlines()
    result = read_bytes(docx_bytes(lines), "cu.docx")

    assert result.text.splitlines()[0] == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert any("TCVN3" in warning for warning in result.warnings)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "rỗng"),
        (b"   \n ", "blank.txt", "rỗng"),
        (b"PK\x03\x04garbage", "broken.docx", "DOCX"),
        (b"PK\x03\x04garbage", "broken.bin", "không phải văn bản Word"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "truncated.pdf", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.doc", ".doc"),
        (bytes(range(256)) * 50, "junk.bin", "không phải văn bản"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(32)) * 40, "anh.txt", "không phải văn bản"),
    ],
)
def test_unreadable_files_give_a_clear_vietnamese_error(data, name, message):
    with pytest.raises(ReadError, match=message) as raised:
        read_bytes(data, name)
    assert raised.value.message


def test_truncated_real_pdf_is_a_read_error():
    pdf = pdf_bytes(official_text().splitlines())
    with pytest.raises(ReadError, match="PDF"):
        read_bytes(pdf[: len(pdf) // 3], "cut.pdf")


def test_docx_zip_without_document_part():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    with pytest.raises(ReadError, match="DOCX"):
        read_bytes(buffer.getvalue(), "fake.docx")


def test_docx_with_broken_xml_is_a_read_error():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(ReadError, match="DOCX"):
        read_bytes(buffer.getvalue(), "hong.docx")


def test_pdf_without_text_layer_is_refused():
    with pytest.raises(ReadError, match="PDF không có lớp văn bản"):
        read_bytes(pdf_bytes([]), "scan.pdf")


def test_oversized_file_is_refused(monkeypatch):
    from ttdn.docparse import readers

    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    with pytest.raises(ReadError, match="quá lớn"):
        read_bytes(b"x" * 101, "big.txt")


def test_read_file_errors_are_read_errors(tmp_path):
    with pytest.raises(ReadError, match="Không tìm thấy"):
        read_file(tmp_path / "khong-co.txt")
    with pytest.raises(ReadError):
        read_file(tmp_path)


def test_read_file_reads_from_disk(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text(official_text(), encoding="utf-8")
    assert read_file(path).text.startswith("ỦY BAN NHÂN DÂN")
