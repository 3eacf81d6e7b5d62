from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttdn.text import TextDecodeError, decode
from ttdn.text.legacy import TCVN3_TABLE, VNI_TABLE, convert_legacy, detect_legacy

SENTENCE = "Đồng Nai, ngày 21 tháng 8 năm 2024: Kế hoạch thông tin đối ngoại của tỉnh"


def test_utf8_with_and_without_bom():
    assert decode("\ufeffĐồng Nai".encode()) == ("Đồng Nai", [])
    assert decode("Đồng Nai".encode()) == ("Đồng Nai", [])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom(encoding):
    assert decode(SENTENCE.encode(encoding))[0] == SENTENCE


def test_windows_1258_with_combining_tones_is_composed():
    text, warnings = decode(b"H\xe0 N\xf4\xf2i")
    assert text == "Hà Nội"
    assert warnings


def test_tcvn3_bytes_are_converted_with_a_warning():
    text, warnings = decode("Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("latin-1"))
    assert text == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert "TCVN3" in warnings[0]


def test_vni_bytes_are_converted_with_a_warning():
    text, warnings = decode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".encode("latin-1"))
    assert text == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert "VNI" in warnings[0]


def test_tcvn3_mojibake_saved_as_utf8_is_converted_too():
    text, warnings = decode("Kế ho¹ch th«ng tin ®èi ngo¹i n¨m 2024".encode())
    assert text == "Kế hoạch thông tin đối ngoại năm 2024"
    assert warnings


def test_real_unicode_vietnamese_is_never_taken_for_a_legacy_encoding():
    assert detect_legacy(SENTENCE + " § 3 «trích» ©") is None
    assert detect_legacy("Crème brûlée à la française, naïve Zürich") is None


def test_tables_cover_every_vietnamese_lower_case_letter():
    letters = set("àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ")
    assert letters <= set(TCVN3_TABLE.values())
    assert letters <= set(VNI_TABLE.values())
    assert len(set(TCVN3_TABLE.values())) == len(TCVN3_TABLE)  # one code per letter


def test_vni_upper_case():
    assert convert_legacy("COÄNG HOØA - ÑOÀNG NAI", "VNI") == "CỘNG HÒA - ĐỒNG NAI"


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 20, b"\x00\x01\x02\x03" * 100, b"\x89PNG\r\n\x1a\n" + b"\x00\x10" * 300],
)
def test_binary_junk_is_refused_in_vietnamese(data):
    with pytest.raises(TextDecodeError) as raised:
        decode(data)
    assert raised.value.message.startswith("Tệp không phải văn bản:")
    assert isinstance(raised.value, ValueError)


@given(st.binary(max_size=2000))
def test_decode_gives_text_or_a_text_decode_error(data):
    message = None
    try:
        text, warnings = decode(data)
    except TextDecodeError as error:
        message = error.message
    else:
        assert isinstance(text, str)
        assert all(isinstance(warning, str) for warning in warnings)
    assert message is None or message.startswith("Tệp")
