"""PDF output: text read back with pypdf, pages rendered with poppler's pdftoppm."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pypdf

from tests.docgen.samples import correction_letter, provincial_report
from ttdn.docgen import Paragraph, render_html, render_pdf


def _text(data: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    # Justified lines come back with no-break spaces between words; a reader sees spaces.
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")
    return len(reader.pages), text


def test_pdf_carries_header_title_figures_and_closing_in_vietnamese():
    pages, text = _text(render_pdf(provincial_report()))
    assert pages == 1
    for expected in (
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "/BC-UBND",
        "BÁO CÁO",
        "07 hội nghị tập huấn cho hơn 5.000 lượt cán bộ",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "Nguyễn Văn Ấn",
    ):
        assert expected in text


def test_pdf_embeds_a_serif_font_with_vietnamese_glyphs():
    data = render_pdf(provincial_report())
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    # Every glyph, Vietnamese italics and bold included, from one serif family: no fallback.
    assert fonts
    assert all("Liberation-Serif" in name or "TimesNewRoman" in name for name in fonts), fonts


def test_long_report_numbers_pages_from_the_second_on(tmp_path: Path):
    body = tuple(Paragraph(f"Đoạn {i}: " + "thông tin đối ngoại " * 40) for i in range(30))
    data = render_pdf(provincial_report(body=body))
    pages, _ = _text(data)
    assert pages >= 3
    reader = pypdf.PdfReader(io.BytesIO(data))
    lines = [[line.strip() for line in page.extract_text().splitlines()] for page in reader.pages]
    assert "2" in lines[1]
    assert "3" in lines[2]
    assert "1" not in lines[0]


def test_pdf_renders_to_a4_page_images(tmp_path: Path, pdftoppm: str):
    path = tmp_path / "letter.pdf"
    path.write_bytes(render_pdf(correction_letter()))
    subprocess.run([pdftoppm, "-png", "-r", "50", str(path), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page*.png"))
    assert len(images) == 1
    width, height = _png_size(images[0])
    assert abs(height / width - 297 / 210) < 0.01


def test_html_escapes_text_from_users():
    html = render_html(provincial_report(title="<script>alert(1)</script>"))
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[16:24]
    return int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big")
