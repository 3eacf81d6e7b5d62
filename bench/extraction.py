"""Figures from narrative reports: accuracy on the development set and the seeds, and speed.

Accuracy (issue #6): precision, recall and F1 of the quantities found (value + counted noun, see
tests/docparse/devset.py for the matching rule) and accuracy of the indicator mapping, on
- the development set (tests/docparse/extraction_devset.json, written for this, tuned on),
- the held-out paragraphs (tests/docparse/extraction_heldout.json, written after the rules),
- the seeds (../shared/seeds, expectations in tests/docparse/seed_quantities.json) if present.
Targets: F1 >= 0.95, mapping >= 0.9.

Speed: full ``parse()`` (metadata, citations, sections, assignments, quantities) over a generated
corpus of unit reports dense with figures (10–60 KB each), documents/s and MB/s on one core.
Target: parsing including extraction stays >= 1 MB/s per core.

    python bench/extraction.py [--documents 200] [--seed 11]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.docparse.devset import (  # noqa: E402 (the repository root goes on the path first)
    Score,
    score_devset,
    score_heldout,
    score_seeds,
)

from ttdn.docparse import find_quantities, parse  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"

UNITS = [
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Ngoại vụ",
    "Báo Đồng Nai",
    "Đài Phát thanh – Truyền hình tỉnh",
    "UBND xã Phú Lý",
    "Tỉnh đoàn",
    "Hội Nhà báo tỉnh",
]
FIGURES = [
    "{unit} tổ chức {a:02d} hội nghị tập huấn cho hơn {b}.{c:03d} lượt cán bộ, công chức.",
    "{unit} thực hiện {a} phóng sự và {b} chương trình truyền hình quảng bá hình ảnh tỉnh.",
    "Trang facebook của {unit} có {b}.{c:03d} người theo dõi; kênh youtube {a}.{c:03d} người đăng ký.",
    "{unit} xuất bản {a:02d} ấn phẩm song ngữ với {b}.{c:03d} bản, trung bình {a} ấn phẩm/năm.",
    "Đón tiếp {a:02d} đoàn phóng viên nước ngoài với {b} người đến tìm hiểu về tỉnh.",
    "{unit} đăng tải khoảng {b}.{c:03d} tin, bài bằng tiếng Anh trên trang thông tin điện tử.",
    "Tổ chức {a:02d} cuộc họp báo và {a:02d} cuộc giao ban báo chí định kỳ hằng tháng.",
    "Hàng nghìn lượt du khách tham quan {a:02d} cuộc triển lãm ảnh lần thứ {a} năm 2025.",
]
PLAIN = [
    "Thực hiện Kế hoạch số 262/KH-UBND ngày 08/11/2023 của UBND tỉnh về thông tin đối ngoại.",
    "Các cơ quan, đơn vị phối hợp chặt chẽ, kịp thời định hướng thông tin cho báo chí.",
    "Chương trình phát sóng lúc 18h00 thứ 4 hằng tuần trên kênh ĐN1, điện thoại 0251.3827070.",
    "Trong 6 tháng đầu năm 2025, tình hình thế giới tiếp tục diễn biến phức tạp, khó lường.",
    (
        "Công tác thông tin đối ngoại được triển khai đồng bộ, bám sát chủ trương của Đảng, chính"
        " sách, pháp luật của Nhà nước, gắn kết chặt chẽ với đối ngoại Đảng, ngoại giao Nhà nước và"
        " đối ngoại nhân dân, góp phần quảng bá hình ảnh, tiềm năng, thế mạnh của tỉnh."
    ),
    (
        "Các cơ quan báo chí trong tỉnh đẩy mạnh tuyên truyền, đấu tranh phản bác thông tin sai trái,"
        " luận điệu xuyên tạc của các thế lực thù địch, nhất là về chủ quyền biển, đảo, dân tộc, tôn"
        " giáo và nhân quyền."
    ),
]


def make_report(rng: random.Random, index: int, density: float) -> str:
    """Return a unit report of 10–60 KB; ``density`` is the share of sentences with figures."""
    lines = [
        "UBND TỈNH ĐỒNG NAI",
        "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        f"Số: {index}/BC-SVHTTDL",
        f"Đồng Nai, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm 2025",
        "BÁO CÁO",
        "Kết quả công tác thông tin đối ngoại 6 tháng đầu năm 2025",
    ]
    target = rng.randint(10_000, 60_000)
    section = 0
    while sum(len(line) + 1 for line in lines) < target:
        section += 1
        lines.append(f"{section}. Kết quả thực hiện nhiệm vụ {section}")
        for _ in range(rng.randint(3, 8)):
            sentences = []
            for _ in range(rng.randint(2, 5)):
                if rng.random() < density:
                    template = rng.choice(FIGURES)
                    sentences.append(
                        template.format(
                            unit=rng.choice(UNITS),
                            a=rng.randint(1, 40),
                            b=rng.randint(1, 300),
                            c=rng.randint(0, 999),
                        )
                    )
                else:
                    sentences.append(rng.choice(PLAIN))
            lines.append("- " + " ".join(sentences))
    lines += ["Nơi nhận:", "- Sở Văn hóa, Thể thao và Du lịch;", "- Lưu: VT.", "GIÁM ĐỐC"]
    return "\n".join(lines)


def show(label: str, score: Score) -> None:
    print(
        f"{label:<28} expected {score.expected:>3}  found {score.found:>3}  "
        f"P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}  "
        f"mapping {score.mapping_accuracy:.3f}  qualifier {score.approx_right}/{score.matched}  "
        f"breakdown {score.categories_right}/{score.checked_categories}  "
        f"unit {score.units_right}/{score.checked_units}"
    )
    for miss in score.misses:
        print(f"    {miss}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--density",
        type=float,
        default=0.25,
        help="share of sentences with figures (0.25 gives ~2 quantities/KB, denser than the"
        " Đồng Nai reports' ~0.3–1.1/KB; 0.6 is a stress test)",
    )
    args = parser.parse_args()

    print("Accuracy (targets: F1 >= 0.95, mapping >= 0.90)")
    show("development set", score_devset())
    show("held-out paragraphs", score_heldout())
    if SEEDS.is_dir():
        show("seeds", score_seeds(SEEDS))
    else:
        print("seeds: ../shared/seeds not found, skipped")

    rng = random.Random(args.seed)
    corpus = [make_report(rng, index + 1, args.density) for index in range(args.documents)]
    size_mb = sum(len(text.encode()) for text in corpus) / 1_000_000
    parse(corpus[0])  # warm the regular expressions
    # CPU time of this process: the figure per core, whatever else the machine runs.
    started = time.process_time()
    found = sum(len(parse(text).quantities) for text in corpus)
    parse_elapsed = time.process_time() - started
    started = time.process_time()
    for text in corpus:
        find_quantities(text)
    extract_elapsed = time.process_time() - started
    print()
    print(
        f"Speed: {len(corpus)} generated reports, {size_mb:.1f} MB (UTF-8), {found} quantities"
        f" ({found / size_mb / 1000:.1f} per KB)"
    )
    print(
        f"parse() incl. extraction: {len(corpus) / parse_elapsed:.0f} documents/s, "
        f"{size_mb / parse_elapsed:.2f} MB/s (one core; target >= 1 MB/s)"
    )
    print(
        f"extraction alone:         {len(corpus) / extract_elapsed:.0f} documents/s, "
        f"{size_mb / extract_elapsed:.2f} MB/s"
    )
    print(f"extraction's share of parse(): {extract_elapsed / parse_elapsed:.0%}")


if __name__ == "__main__":
    main()
