"""Lineage queries on the real 2025 reorganisation of Đồng Nai (the demo organisation)."""

from __future__ import annotations

import datetime as dt

import pytest

from ttdn.demo.organisation import load_demo_organisation
from ttdn.orgs import selectors
from ttdn.orgs.models import OrgUnit

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    return load_demo_organisation()


def names(units) -> set[str]:
    return {unit.name for unit in units}


def test_successor_of_trang_bom_district_after_the_reform_is_its_communes(units):
    district = selectors.resolve_unit("UBND huyện Trảng Bom", on=dt.date(2024, 1, 1))

    successors = selectors.successors_on(district, dt.date(2025, 8, 1))

    assert names(successors) == {
        "Ủy ban nhân dân xã Trảng Bom",
        "Ủy ban nhân dân xã Bàu Hàm",
        "Ủy ban nhân dân xã Hưng Thịnh",
    }


def test_a_unit_still_existing_is_its_own_successor(units):
    assert selectors.successors_on(units["bien-hoa"], dt.date(2025, 6, 30)) == [units["bien-hoa"]]


def test_successors_follow_several_events(units):
    # Bộ TT&TT ended on 28/2/2025; its external-information work went to Bộ VHTTDL.
    successors = selectors.successors_on(units["bo-tttt"], dt.date(2025, 8, 1))
    assert names(successors) == {"Bộ Khoa học và Công nghệ", "Bộ Văn hóa, Thể thao và Du lịch"}


def test_old_dong_nai_and_binh_phuoc_became_the_new_dong_nai(units):
    assert selectors.successors_on(units["binh-phuoc"], dt.date(2025, 7, 1)) == [units["dong-nai"]]
    assert {u.code for u in selectors.predecessors_of(units["dong-nai"])} == {
        "dong-nai-2024",
        "binh-phuoc",
    }


def test_units_of_the_province_before_and_after(units):
    before = selectors.descendants_of([units["dong-nai-2024"]], on=dt.date(2024, 1, 1))
    after = selectors.descendants_of([units["dong-nai"]], on=dt.date(2025, 11, 24))

    kinds_before = set(OrgUnit.objects.filter(pk__in=before).values_list("kind", flat=True))
    kinds_after = set(OrgUnit.objects.filter(pk__in=after).values_list("kind", flat=True))
    assert OrgUnit.Kind.DISTRICT in kinds_before
    assert OrgUnit.Kind.COMMUNE not in kinds_before
    assert OrgUnit.Kind.DISTRICT not in kinds_after
    assert OrgUnit.Kind.COMMUNE in kinds_after
    assert units["so-tttt-dong-nai"].pk in before
    assert units["so-tttt-dong-nai"].pk not in after


def test_tree_as_it_was_keeps_ended_units_with_their_names(units):
    roots = selectors.tree_on(dt.date(2024, 1, 1))
    provinces = {node.unit.code: node for node in roots if node.unit.kind == "province"}

    assert set(provinces) == {"dong-nai-2024", "binh-phuoc"}
    children = {child.unit.name for child in provinces["dong-nai-2024"].children}
    assert "Ủy ban nhân dân huyện Trảng Bom" in children
    assert "Sở Thông tin và Truyền thông tỉnh Đồng Nai" in children


def test_tree_today_has_one_dong_nai_and_no_districts(units):
    roots = selectors.tree_on(dt.date(2025, 11, 24))
    provinces = [node for node in roots if node.unit.kind == "province"]

    assert [p.unit.code for p in provinces] == ["dong-nai"]
    assert all(child.unit.kind != "district" for child in provinces[0].children)


@pytest.mark.parametrize(
    ("written", "day", "code"),
    [
        ("Sở TT&TT", dt.date(2024, 5, 1), "so-tttt-dong-nai"),
        ("Sở Thông tin và Truyền thông", dt.date(2024, 5, 1), "so-tttt-dong-nai"),
        ("so thong tin va truyen thong tinh dong nai", dt.date(2024, 5, 1), "so-tttt-dong-nai"),
        ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH ĐỒNG NAI", dt.date(2024, 5, 1), "so-tttt-dong-nai"),
        ("Ủy ban nhân dân tỉnh Đồng Nai", dt.date(2024, 8, 21), "dong-nai-2024"),
        ("UBND tỉnh Đồng Nai", dt.date(2024, 8, 21), "dong-nai-2024"),
        ("UBND Đồng Nai", dt.date(2024, 8, 21), "dong-nai-2024"),
        ("ubnd tinh dong nai", dt.date(2024, 8, 21), "dong-nai-2024"),
        # The same name denotes another body after the merger.
        ("Ủy ban nhân dân tỉnh Đồng Nai", dt.date(2025, 8, 1), "dong-nai"),
        ("Sở Văn hóa, Thể thao và Du lịch", dt.date(2025, 8, 1), "so-vhttdl-dong-nai"),
        ("Sở Văn hóa, Thể thao và Du lịch", dt.date(2024, 8, 1), None),  # two provinces had one
        ("Ban Tuyên giáo Tỉnh ủy", dt.date(2024, 6, 10), "btg-tinh-uy-dong-nai"),
        ("Bộ Thông tin và Truyền thông", dt.date(2023, 7, 31), "bo-tttt"),
        ("Bộ Thông tin và Truyền thông", dt.date(2025, 8, 1), None),  # no longer exists
        ("Bộ Chính trị", dt.date(2023, 6, 15), "bo-chinh-tri"),
        ("Thủ tướng Chính phủ", dt.date(2013, 2, 28), "thu-tuong"),
        ("Sở Hải quan", dt.date(2024, 1, 1), None),
    ],
)
def test_resolve_names_as_documents_write_them(units, written, day, code):
    unit = selectors.resolve_unit(written, on=day)
    assert (unit.code if unit else None) == code


def test_ambiguous_name_is_resolved_within_a_province(units):
    day = dt.date(2024, 8, 1)
    assert selectors.resolve_unit("UBND tỉnh", on=day) is None
    assert (
        selectors.resolve_unit("UBND tỉnh", on=day, within=units["binh-phuoc"])
        == units["binh-phuoc"]
    )
    assert (
        selectors.resolve_unit(
            "Sở Văn hóa, Thể thao và Du lịch", on=day, within=units["dong-nai-2024"]
        )
        == units["so-vhttdl-dong-nai-2024"]
    )


def test_coordinating_role_moves_on_1_july_2025(units):
    assert (
        selectors.coordinator_on(units["dong-nai"], dt.date(2024, 6, 1))
        == units["so-tttt-dong-nai"]
    )
    assert (
        selectors.coordinator_on(units["dong-nai"], dt.date(2025, 6, 30))
        == units["so-tttt-dong-nai"]
    )
    assert (
        selectors.coordinator_on(units["dong-nai"], dt.date(2025, 7, 1))
        == units["so-vhttdl-dong-nai"]
    )


def test_loading_the_demo_organisation_twice_changes_nothing(units):
    counts = (OrgUnit.objects.count(), selectors.OrgUnitEvent.objects.count())
    load_demo_organisation()
    assert (OrgUnit.objects.count(), selectors.OrgUnitEvent.objects.count()) == counts
