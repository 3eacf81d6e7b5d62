"""Press monitoring at scale: ingest + analysis throughput and search latency.

Generates a corpus of articles (default 100,000; --count for quick runs) from sentences written
for this benchmark (Vietnamese and English; places of Đồng Nai, topics of the taxonomy, tone
words, filler), about 5 % of them syndicated copies with a changed lead, then:

1. analysis alone (pure functions: fold, language, fingerprint, mentions, topics, tone), articles/s;
2. full ingest through ``services.ingest_article`` (dedup by URL and fingerprint, language,
   analysis, rows written), articles/s;
3. search latency of saved-search style queries over the whole corpus (median and p95 of 5 runs
   each), through the same selector the article stream uses.

    python bench/press.py --database postgres            # 100,000 articles
    python bench/press.py --database sqlite --count 5000
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from benchdb import configure

PLACES_VI = [
    "tỉnh Đồng Nai",
    "thành phố Biên Hòa",
    "huyện Nhơn Trạch",
    "huyện Long Thành",
    "phường Tam Hiệp",
    "thành phố Long Khánh",
    "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai",
]
PLACES_EN = ["Dong Nai province", "Bien Hoa city", "Nhon Trach", "Long Thanh", "Long Khanh"]
TOPIC_VI = [
    "Các nhà đầu tư đánh giá cao môi trường đầu tư, vốn FDI vào khu công nghiệp tăng mạnh.",
    "Lượng du khách đến các điểm đến du lịch sinh thái tăng, khu du lịch kín phòng lưu trú.",
    "Lễ hội văn hóa truyền thống góp phần bảo tồn di sản, di tích của địa phương.",
    "Ngư dân được tuyên truyền về chủ quyền biển đảo và bảo vệ vùng biển.",
    "Công tác quản lý biên giới, cửa khẩu, cột mốc được tăng cường.",
    "Đoàn đại sứ, tổng lãnh sự thăm và làm việc, mở rộng hợp tác quốc tế, quan hệ hữu nghị.",
    "Chuyển đổi số, dịch vụ công trực tuyến và chính quyền số được đẩy mạnh.",
    "Cải cách hành chính, thủ tục hành chính tại bộ phận một cửa được rút gọn.",
    "Tình trạng ô nhiễm, nước thải ra môi trường khiến người dân bức xúc.",
    "Đồng bào dân tộc thiểu số được hỗ trợ, công tác dân tộc được quan tâm.",
]
TOPIC_EN = [
    "Investors praised the business climate as FDI into industrial parks kept growing.",
    "Tourists returned to the destination, and resorts reported record visitors.",
    "A cultural festival celebrated local heritage and traditional art.",
    "The delegation of ambassadors discussed cooperation and diplomatic ties.",
    "Residents complained about pollution and wastewater from a factory.",
    "The digital transformation plan expands online public services and e-government.",
]
FILLER_VI = [
    "Theo báo cáo, kết quả trong năm đạt nhiều chuyển biến so với cùng kỳ.",
    "Lãnh đạo địa phương yêu cầu các đơn vị tiếp tục triển khai đồng bộ các giải pháp.",
    "Hội nghị có sự tham dự của đại diện các sở, ban, ngành và doanh nghiệp.",
    "Người dân mong muốn các chính sách sớm đi vào cuộc sống.",
    "Trong thời gian tới, tỉnh sẽ tập trung tháo gỡ khó khăn, vướng mắc.",
]
FILLER_EN = [
    "Officials said the results were better than in the same period last year.",
    "Local leaders asked agencies to keep working on the measures in a coordinated way.",
    "Representatives of departments and businesses attended the meeting.",
]


def corpus(count: int, seed: int) -> list[tuple[str, str, str]]:
    """Return (url, title, text) triples; ~5 % are copies of an earlier text."""
    rng = random.Random(seed)
    items: list[tuple[str, str, str]] = []
    for n in range(count):
        if items and rng.random() < 0.05:
            _url, title, text = items[rng.randrange(len(items))]
            items.append(
                (f"https://copy{n % 7}.example/{n}", "Theo " + title, text + " (Nguồn: TTXVN)")
            )
            continue
        if rng.random() < 0.75:
            place = rng.choice(PLACES_VI) if rng.random() < 0.7 else "một tỉnh miền Trung"
            sentences = [f"Ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}, tại {place}, số {n}."]
            sentences += rng.sample(TOPIC_VI, 2) + rng.sample(FILLER_VI, 3)
            title = f"{place.capitalize()}: {rng.choice(TOPIC_VI)[:60]}"
        else:
            place = rng.choice(PLACES_EN) if rng.random() < 0.7 else "a northern province"
            sentences = [f"On day {rng.randint(1, 28)} in {place}, item {n}."]
            sentences += rng.sample(TOPIC_EN, 2) + rng.sample(FILLER_EN, 2)
            title = f"{place}: {rng.choice(TOPIC_EN)[:60]}"
        rng.shuffle(sentences)
        # Articles run to several paragraphs: repeat the draw with variations.
        body = "\n".join(" ".join(sentences) for _ in range(rng.randint(3, 6)))
        items.append((f"https://outlet{n % 11}.example/bai/{n}.html", title, body))
    return items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="PostgreSQL: time the searches over the corpus a previous run left in ttdn_bench_press",
    )
    args = parser.parse_args()
    configure(args.database, "ttdn_bench_press", keep=args.search_only)
    if args.search_only:
        return search_latency()

    from ttdn.orgs.services import save_unit
    from ttdn.press import analysis, services

    province = save_unit(
        code="dong-nai", name="Ủy ban nhân dân tỉnh Đồng Nai", kind="province", actor=None
    )
    for code, name, kind in [
        ("bien-hoa", "Ủy ban nhân dân thành phố Biên Hòa", "district"),
        ("nhon-trach", "Ủy ban nhân dân huyện Nhơn Trạch", "district"),
        ("long-thanh", "Ủy ban nhân dân huyện Long Thành", "district"),
        ("long-khanh", "Ủy ban nhân dân thành phố Long Khánh", "district"),
        ("tam-hiep", "Ủy ban nhân dân phường Tam Hiệp", "commune"),
        ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai", "department"),
    ]:
        save_unit(code=code, name=name, kind=kind, parent=province, actor=None)
    items = corpus(args.count, args.seed)
    words = sum(len(text.split()) for _u, _t, text in items) / len(items)
    print(f"Corpus: {len(items):,} articles, {words:.0f} words each on average ({args.database})")

    context = services.analysis_context()
    sample = items[: min(len(items), 5000)]
    started = time.perf_counter()
    for _url, title, text in sample:
        folded = analysis.Folded.of(title, text)
        analysis.detect_language(f"{title}\n{text}")
        analysis.fingerprint(text, words=folded.text_words)
        context.mentions.find(title, text)
        context.topics.find(title, text, folded=folded)
        context.tone.score(title, text, folded=folded)
    pure = len(sample) / (time.perf_counter() - started)
    print(f"Analysis only (no database), {len(sample):,} articles: {pure:,.0f} articles/s")

    source = services.save_source(code="bench", name="Bench outlet", actor=None)
    outcomes: dict[str, int] = {}
    started = time.perf_counter()
    for index, (url, title, text) in enumerate(items, 1):
        result = services.ingest_article(
            source=source, url=url, title=title, text=text, published_at=None, context=context
        )
        outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
        if index % 10_000 == 0:
            rate = index / (time.perf_counter() - started)
            print(f"  … {index:,} ingested, {rate:,.0f} articles/s", flush=True)
    elapsed = time.perf_counter() - started
    print(
        f"Ingest + analysis, {len(items):,} articles in {elapsed:,.0f} s: "
        f"{len(items) / elapsed:,.0f} articles/s · outcomes {outcomes}"
    )
    return search_latency()


def search_latency() -> int:
    from django.db import connection

    from ttdn.press import selectors
    from ttdn.press.models import Article

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE press_article")
    print(f"Articles stored: {Article.objects.count():,}")
    queries = [
        "dong nai",
        '"nha dau tu"',
        "du lich OR tourism",
        '"o nhiem" -"nuoc thai"',
        '(bien hoa OR "long thanh") AND "chuyen doi so"',
        "tam hiep festival",
    ]
    print("Search latency (count + first page of 50, copies excluded):")
    for query in queries:
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            found = selectors.search_articles(selectors.ArticleFilters(query=query))
            total = selectors.count_articles(selectors.ArticleFilters(query=query))
            list(found[:50])
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        print(
            f"  {query:<50} {total:>7,} hits · median {statistics.median(timings):7.1f} ms · "
            f"max {timings[-1]:7.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
