"""The header lines the decree prescribes, computed from the document's fields."""

from __future__ import annotations

import datetime as dt
import re

from tests.docgen.samples import correction_letter, provincial_report
from ttdn.docgen import Signature, format_issue_date, short_date


def test_number_line_keeps_a_blank_for_the_number_until_the_clerk_gives_one():
    assert re.fullmatch(r"Số: {6,}/BC-UBND", provincial_report().number_line)
    assert provincial_report(number="05").number_line == "Số: 05/BC-UBND"


def test_party_number_uses_a_hyphen_between_number_and_symbol():
    assert (
        provincial_report(format="party", symbol="BC/TU", number="12").number_line == "Số 12-BC/TU"
    )


def test_issue_date_pads_days_under_ten_and_january_february():
    assert format_issue_date(dt.date(2024, 7, 3)) == "ngày 03 tháng 7 năm 2024"
    assert format_issue_date(dt.date(2025, 2, 15)) == "ngày 15 tháng 02 năm 2025"


def test_unsigned_report_leaves_day_and_month_blank():
    line = provincial_report().date_line
    assert line.startswith("Đồng Nai, ngày ")
    assert line.endswith("năm 2024")
    assert "tháng" in line


def test_short_date_follows_the_citation_style():
    assert short_date(dt.date(2023, 11, 8)) == "08/11/2023"
    assert short_date(dt.date(2024, 6, 10)) == "10/6/2024"


def test_signing_forms_put_the_authority_line_first_in_capitals():
    assert Signature(form="TM.", authority="Ủy ban nhân dân", title="Chủ tịch", name="A").lines == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
    )
    assert Signature(form="Q.", authority="Chủ tịch", name="A").lines == ("Q. CHỦ TỊCH",)
    assert Signature(form="KT.", authority="Giám đốc", title="Phó Giám đốc", name="A").lines == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
    )


def test_a_letter_has_no_document_type():
    assert correction_letter().is_letter
    assert not provincial_report().is_letter
