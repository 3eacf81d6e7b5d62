"""The five real documents the product was conceived from (read from ../shared/seeds)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.docparse.samples import SEEDS_DIR
from ttdn.docparse import parse_file

if not SEEDS_DIR.is_dir():
    pytest.skip("../shared/seeds is not beside this checkout", allow_module_level=True)

D = dt.date

# Every citation of each seed: (key, date of the cited document or None where the text gives none).
EXPECTED_CITATIONS = {
    "000_24344a98b8e35123.txt": {
        ("22/2016/TT-BTTTT", None),
        ("22/2017/QĐ-UBND", D(2017, 6, 30)),
        ("9763/KH-UBND", D(2018, 9, 14)),
        ("14183/KH-UBND", D(2018, 12, 24)),
    },
    "001_c83b8a27752a8264.txt": {
        ("2608-CV/BTGTU", D(2024, 6, 10)),
        ("262/KH-UBND", D(2023, 11, 8)),
        ("10/CTr-UBND", D(2023, 12, 11)),
        ("103/KH-UBND", D(2024, 3, 27)),
        ("183/KH-UBND", D(2024, 5, 23)),
        ("277/KH-UBND", D(2023, 11, 29)),
        ("5921/UBND-KGVX", D(2024, 5, 24)),
        ("335-KH/TU", D(2024, 4, 2)),
        ("47/NQ-CP", D(2024, 4, 15)),
        ("57-KL/TW", D(2023, 6, 15)),
    },
    "002_154b8362fb7d49e0.txt": {
        ("47/NQ-CP", D(2024, 4, 15)),
        ("57-KL/TW", D(2023, 6, 15)),
        ("57-KL/TW", None),  # repeated later without its date
        ("277/KH-UBND", D(2023, 11, 29)),
        ("160/KH-UBND", D(2023, 6, 21)),
        ("348/QĐ-TTg", D(2023, 4, 6)),
        ("138/KH-UBND", D(2023, 5, 31)),
    },
    "003_e5414bfee9b3272f.txt": {
        ("72/2015/NĐ-CP", D(2015, 9, 7)),
        ("3089/BTTTT-TTĐN", D(2023, 7, 31)),
        ("57-KL/TW", D(2023, 6, 15)),
        ("191/QĐ-TTg", D(2020, 8, 5)),
    },
    "004_590ebb3add425e83.txt": {
        ("368/QĐ-TTg", D(2013, 2, 28)),  # the date stands before the reference
        ("1486/QĐ-TTg", D(2018, 11, 6)),  # "06/11/2018ban hành"
        ("51/KH-UBND", D(2019, 1, 28)),
        ("71/KH-UBND", D(2019, 2, 21)),
        ("34/2017/QĐ-UBND", D(2017, 11, 27)),
        ("16-HD/BTGTU", D(2019, 1, 29)),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED_CITATIONS))
def test_every_citation_of_the_seed_with_its_date(name):
    parsed = parse_file(SEEDS_DIR / name)

    found = {(c.key, c.issued_at) for c in parsed.citations}

    assert found == EXPECTED_CITATIONS[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_CITATIONS))
def test_citation_spans_point_at_their_text(name):
    parsed = parse_file(SEEDS_DIR / name)
    for citation in parsed.citations:
        assert parsed.text[citation.start : citation.end] == citation.text


def test_plan_281_metadata():
    parsed = parse_file(SEEDS_DIR / "002_154b8362fb7d49e0.txt")
    meta = parsed.metadata

    assert parsed.kind == "administrative"
    assert meta.doc_type == "Kế hoạch"
    assert meta.number == "281/KH-UBND"
    assert meta.key == "281/KH-UBND"
    assert meta.issued_at == D(2024, 8, 21)
    assert meta.place == "Đồng Nai"
    # This copy has no header lines; the symbol "-UBND" with the place line "Đồng Nai, ngày …"
    # states the issuer: the People's Committee of that province.
    assert meta.issuer == "Ủy ban nhân dân tỉnh Đồng Nai"
    assert meta.title.startswith("TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 47/NQ-CP")
    assert meta.title.endswith("TRONG TÌNH HÌNH MỚI")
    assert meta.signer.name == "Võ Tấn Đức"
    assert meta.signer.title == "Q. CHỦ TỊCH"
    assert meta.recipients[0] == "Bộ Thông tin và Truyền thông"
    assert meta.recipients[-1] == "Báo Đồng Nai"
    assert len(meta.recipients) == 15
    # Its own number is not a citation of itself.
    assert "281/KH-UBND" not in {c.key for c in parsed.citations}


def test_plan_281_sections():
    parsed = parse_file(SEEDS_DIR / "002_154b8362fb7d49e0.txt")
    numbers = [s.number for s in parsed.sections]

    assert numbers[:7] == ["I", "I.1", "I.2", "I.3", "I.4", "I.5", "II"]
    assert [n for n in numbers if n.startswith("IV.")] == [f"IV.{i}" for i in range(1, 12)]
    heading = next(s for s in parsed.sections if s.number == "IV.1")
    assert heading.heading == "Sở Thông tin và Truyền thông"


def test_report_6_months_2024_metadata():
    parsed = parse_file(SEEDS_DIR / "001_c83b8a27752a8264.txt")
    meta = parsed.metadata

    assert parsed.kind == "administrative"
    assert meta.doc_type == "Báo cáo"
    assert meta.number is None  # the copy has no "Số:" line: not guessed
    assert meta.key is None
    assert meta.issuer is None  # nor an issuer header ("UBND tỉnh báo cáo" names no province)
    assert meta.signer.title is None
    assert meta.issued_at == D(2024, 7, 3)
    assert meta.place == "Đồng Nai"
    assert meta.title == "Kết quả triển khai công tác thông tin đối ngoại 6 tháng đầu năm 2024"
    assert meta.signer.name == "Võ Tân Đức"
    assert list(meta.recipients[:2]) == [
        "Ban Tuyên giáo Tỉnh ủy",
        "Q. Chủ tịch, các Phó Chủ tịch UBND tỉnh",
    ]
    assert any("số, ký hiệu" in warning for warning in parsed.warnings)


@pytest.mark.parametrize(
    ("name", "title", "published"),
    [
        (
            "000_24344a98b8e35123.txt",
            "Kết quả 3 năm triển khai Thông tư 22/2016/TT-BTTTT về quy chế hoạt động thông tin đối ngoại",
            "2019-05-23T09:51:00+07:00",
        ),
        (
            "003_e5414bfee9b3272f.txt",
            "Triển khai hoạt động thông tin đối ngoại tỉnh Phú Yên năm 2024",
            None,
        ),
        (
            "004_590ebb3add425e83.txt",
            "Tăng cường triển khai thực hiện Chiến lược thông tin đối ngoại",
            "2020-01-16T16:39:43+07:00",
        ),
    ],
)
def test_news_pages_title_and_publication_time(name, title, published):
    parsed = parse_file(SEEDS_DIR / name)

    assert parsed.kind == "news"
    assert parsed.metadata.title == title
    assert parsed.to_dict()["metadata"]["published_at"] == published
