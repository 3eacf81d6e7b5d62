"""DOCX output, read back with python-docx."""

from __future__ import annotations

import io

import docx

from tests.docgen.samples import correction_letter, provincial_report
from ttdn.docgen import render_docx


def _read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _texts(document: docx.document.Document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
    return texts


def test_header_has_issuer_national_title_motto_number_and_date():
    document = _read(render_docx(provincial_report()))
    left, right = document.tables[0].rows[0].cells
    left_lines = [p.text for p in left.paragraphs if p.text]
    right_lines = [p.text for p in right.paragraphs if p.text]
    assert left_lines[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI"]
    assert left_lines[2].startswith("Số:")
    assert left_lines[2].endswith("/BC-UBND")
    assert right_lines[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right_lines[2].startswith("Đồng Nai, ngày")
    assert right.paragraphs[0].runs[0].font.bold


def test_title_body_and_table_come_in_order():
    document = _read(render_docx(provincial_report()))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == "BÁO CÁO"
    assert texts[1] == "Kết quả triển khai công tác thông tin đối ngoại 6 tháng đầu năm 2024"
    assert "- Kế hoạch số 262/KH-UBND ngày 08/11/2023 về hoạt động TTĐN." in texts
    grid = document.tables[1]
    assert [c.text for c in grid.rows[-1].cells] == ["Tổng cộng", "07", "5.100"]


def test_closing_has_recipients_and_signing_block():
    document = _read(render_docx(provincial_report()))
    left, right = document.tables[-1].rows[0].cells
    recipients = [p.text for p in left.paragraphs if p.text]
    assert recipients == [
        "Nơi nhận:",
        "- Ban Tuyên giáo Tỉnh ủy;",
        "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
        "- Lưu: VT, KGVX.",
    ]
    signing = [p.text for p in right.paragraphs if p.text]
    assert signing == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Ấn"]


def test_page_is_a4_with_the_decree_margins_and_times_new_roman():
    document = _read(render_docx(provincial_report()))
    section = document.sections[0]
    # DOCX stores twentieths of a point: compare in millimetres to a tenth.
    sizes = [section.page_width, section.page_height, section.left_margin, section.right_margin]
    assert [round(size.mm, 1) for size in sizes] == [210, 297, 30, 15]
    assert round(section.top_margin.mm) == 20
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 14
    assert section.different_first_page_header_footer  # no page number on page 1


def test_header_columns_have_grid_widths_so_libreoffice_keeps_them():
    document = _read(render_docx(provincial_report()))
    widths = [column.width for column in document.tables[0].columns]
    assert all(widths)
    assert widths[1] > widths[0]


def test_letter_puts_subject_under_the_number_and_addressees_after_kinh_gui():
    document = _read(render_docx(correction_letter()))
    left = document.tables[0].rows[0].cells[0]
    lines = [p.text for p in left.paragraphs if p.text]
    assert lines == [
        "UBND TỈNH ĐỒNG NAI",
        "SỞ VĂN HÓA, THỂ THAO",
        "VÀ DU LỊCH",
        "Số: 125/SVHTTDL-TTĐN",
        "V/v đề nghị cải chính thông tin",
    ]
    assert left.paragraphs[0].runs[0].font.bold is False
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == "Kính gửi: Tòa soạn Báo Điện tử ABC."
    assert "BÁO CÁO" not in texts


def test_party_variant_replaces_the_national_title():
    doc = provincial_report(
        format="party", issuing_body="Tỉnh ủy Đồng Nai", symbol="BC/TU", number="12"
    )
    texts = _texts(_read(render_docx(doc)))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in texts
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in texts
    assert "Số 12-BC/TU" in texts
