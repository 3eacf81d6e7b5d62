"""Names of bodies as running text writes them."""

from __future__ import annotations

import re

# Words of body names that keep a capital in sentence case (Nghị định 30/2020, Phụ lục II:
# proper names of bodies are capitalised on their first word and on proper nouns).
_CASE_FIXES = [
    ("bộ chính trị", "Bộ Chính trị"),
    ("ban bí thư", "Ban Bí thư"),
    ("ban chấp hành trung ương", "Ban Chấp hành Trung ương"),
    ("trung ương", "Trung ương"),
    ("chính phủ", "Chính phủ"),
    ("thủ tướng", "Thủ tướng"),
    ("tỉnh ủy", "Tỉnh ủy"),
    ("thành ủy", "Thành ủy"),
    ("huyện ủy", "Huyện ủy"),
    ("ban tuyên giáo", "Ban Tuyên giáo"),
    ("thông tin và truyền thông", "Thông tin và Truyền thông"),
    ("văn hóa, thể thao và du lịch", "Văn hóa, Thể thao và Du lịch"),
    ("ngoại vụ", "Ngoại vụ"),
    ("ngoại giao", "Ngoại giao"),
    ("nội vụ", "Nội vụ"),
    ("văn phòng", "Văn phòng"),
]
_PLACE_WORDS = re.compile(
    r"\b(tỉnh|thành phố|huyện|xã|phường|thị xã|thị trấn|Tỉnh ủy|Thành ủy|Huyện ủy) (?!ủy)(.+)$"
)


def body_name_case(name: str) -> str:
    """Turn an upper-case body name into the sentence case of running text."""
    name = re.sub(r"\s+", " ", name).strip()
    if not name or not name.isupper():
        return name
    text = name.lower()
    for plain, fixed in _CASE_FIXES:
        text = text.replace(plain, fixed)
    place = _PLACE_WORDS.search(text)
    if place:
        proper = " ".join(word[:1].upper() + word[1:] for word in place.group(2).split())
        text = text[: place.start(2)] + proper
    return text[:1].upper() + text[1:]
