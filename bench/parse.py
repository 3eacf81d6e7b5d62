"""Parser throughput: documents/s and MB/s of plain text for metadata + citations + sections.

Generates a deterministic corpus of realistic administrative documents (header, numbered
sections, dense citations, Nơi nhận, signing block; 10–60 KB each) and parses it in one process.
Target (issue #2): at least 2 MB/s of plain text per core.

    python bench/parse.py [--documents 300] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import time

from ttdn.docparse import parse

ISSUERS = [
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI", "Đồng Nai", "UBND"),
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK", "Đắk Lắk", "UBND"),
    ("UBND TỈNH THÁI NGUYÊN\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Thái Nguyên", "SVHTTDL"),
]
TYPES = [("KẾ HOẠCH", "KH"), ("BÁO CÁO", "BC"), ("QUYẾT ĐỊNH", "QĐ"), ("CHƯƠNG TRÌNH", "CTr")]
CITED = [
    "Kết luận số 57-KL/TW ngày 15 tháng 6 năm 2023 của Bộ Chính trị",
    "Nghị quyết số 47/NQ-CP ngày 15/4/2024 của Chính phủ",
    "Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ",
    "Thông tư số 22/2016/TT-BTTTT ngày 19/10/2016 của Bộ Thông tin và Truyền thông",
    "Quyết định số 348/QĐ-TTg ngày 06/4/2023 của Thủ tướng Chính phủ",
    "văn bản số 2608/CV/BTGTU ngày 10/6/2024 của Ban Tuyên giáo Tỉnh ủy",
    "Kế hoạch 277/KH-UBND ngày 29/11/2023 của UBND tỉnh",
    "Công văn số 3089/BTTTT-TTĐN ngày 31/7/2023 của Bộ Thông tin và Truyền thông",
]
SENTENCES = [
    "Tăng cường công tác thông tin đối ngoại, quảng bá hình ảnh địa phương tới bạn bè quốc tế.",
    "Các sở, ban, ngành phối hợp chặt chẽ trong việc cung cấp thông tin cho báo chí.",
    "Tổ chức 07 hội nghị tập huấn cho hơn 5.000 lượt cán bộ, công chức, viên chức.",
    "Duy trì 68 trang thông tin điện tử và các trang mạng xã hội với 212.000 người theo dõi.",
    "Đón tiếp 10 đoàn phóng viên nước ngoài với 198 người đến tìm hiểu về tỉnh.",
    "Đẩy mạnh chuyển đổi số trong hoạt động thông tin đối ngoại giai đoạn 2024 - 2030.",
]


def make_document(rng: random.Random, index: int) -> str:
    header, place, issuer_symbol = rng.choice(ISSUERS)
    heading, abbreviation = rng.choice(TYPES)
    year = rng.randint(2019, 2025)
    lines = [
        header,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"Số: {index}/{abbreviation}-{issuer_symbol}",
        f"{place}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {year}",
        heading,
        f"Triển khai công tác thông tin đối ngoại năm {year}",
        f"Thực hiện {rng.choice(CITED)}; {rng.choice(CITED)}, ban hành văn bản như sau:",
    ]
    target = rng.randint(10_000, 60_000)
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    part = 0
    while sum(len(line) + 1 for line in lines) < target:
        lines.append(f"{roman[part % len(roman)]}. NỘI DUNG PHẦN {part + 1}")
        for number in range(1, rng.randint(3, 8)):
            lines.append(f"{number}. Nhiệm vụ {number} của phần {part + 1}")
            for _ in range(rng.randint(2, 5)):
                body = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4)))
                if rng.random() < 0.5:
                    body += f" Theo {rng.choice(CITED)}."
                lines.append(f"- {body}")
        part += 1
    lines += [
        "Nơi nhận:",
        "- Bộ Văn hóa, Thể thao và Du lịch;",
        "- Thường trực Tỉnh ủy;",
        "- Lưu: VT, KGVX.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn An",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corpus = [make_document(rng, index + 1) for index in range(args.documents)]
    size_mb = sum(len(text.encode()) for text in corpus) / 1_000_000
    parse(corpus[0])  # warm the regular expressions
    started = time.perf_counter()
    citations = sections = 0
    for text in corpus:
        parsed = parse(text)
        citations += len(parsed.citations)
        sections += len(parsed.sections)
    elapsed = time.perf_counter() - started
    print(f"documents: {len(corpus)}  text: {size_mb:.1f} MB (UTF-8)")
    print(f"citations found: {citations}  sections found: {sections}")
    print(
        f"time: {elapsed:.2f} s  ->  {len(corpus) / elapsed:.0f} documents/s, "
        f"{size_mb / elapsed:.2f} MB/s (one core; target >= 2 MB/s)"
    )


if __name__ == "__main__":
    main()
