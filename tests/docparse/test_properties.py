"""Properties that hold for any input: the parser never raises, spans are exact, JSON works."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from ttdn.docparse import parse

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
FRAGMENTS = [
    "số ",
    "Số: ",
    "12/KH-",
    "/KH-UBND",
    "57-KL/TW",
    "ngày 3 tháng ",
    "năm 2024",
    "15/4/2024",
    "của Chính phủ",
    "Kế hoạch ",
    "Nghị quyết số ",
    " – ",
    "-",
    "/",
    "\n",
    "I. ",
    "1. ",
    "a) ",
    "Nơi nhận:\n- ",
    "KT. CHỦ TỊCH\n",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
    "Đồng Nai, ",
    "Cập nhật 23/05/2019 09:51",
    "\u0301",
    "\ufeff",
    "\x00",
]
text_pieces = st.one_of(
    st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + "0123456789 .,;:()/-–\n", max_size=40),
    st.sampled_from(FRAGMENTS),
)
documents = st.lists(text_pieces, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_parse_never_raises_and_spans_are_exact(text):
    parsed = parse(text)

    for citation in parsed.citations:
        assert parsed.text[citation.start : citation.end] == citation.text
        assert citation.key
    for section in parsed.sections:
        assert parsed.text[section.start : section.end] == section.heading
    json.dumps(parsed.to_dict(), ensure_ascii=False)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_parse_never_raises_on_arbitrary_unicode(text):
    parsed = parse(text)
    assert parsed.kind in {"administrative", "news", "unknown"}
    json.dumps(parsed.to_dict(), ensure_ascii=False)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_reading_arbitrary_bytes_gives_text_or_a_read_error(data):
    from ttdn.docparse import ReadError, parse_bytes

    message = None
    try:
        parsed = parse_bytes(data, "tep.bin")
    except ReadError as error:
        message = error.message
    else:
        json.dumps(parsed.to_dict(), ensure_ascii=False)
    assert message is None or message.strip()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join))
def test_fragments_alone_never_break_the_parser(text):
    parsed = parse(text)
    for citation in parsed.citations:
        assert parsed.text[citation.start : citation.end] == citation.text
        assert citation.start < citation.end
    json.dumps(parsed.to_dict(), ensure_ascii=False)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.docx", "a.pdf", "a.html", "a"]))
def test_reading_any_bytes_under_any_name_gives_text_or_a_read_error(data, name):
    from ttdn.docparse import ReadError, read_bytes

    for prefix in (b"", b"PK\x03\x04", b"%PDF-1.4\n", b"<html>"):
        message = None
        try:
            result = read_bytes(prefix + data, name)
        except ReadError as error:
            message = error.message
        else:
            assert result.text.strip()
        assert message is None or message.strip()
