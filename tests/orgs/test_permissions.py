"""The "who may" rules, on the demo province (history included)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from ttdn.demo.organisation import load_demo_organisation
from ttdn.orgs import permissions
from ttdn.orgs.services import grant_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    return load_demo_organisation()


@pytest.fixture
def user_with(django_user_model):
    def make(role, unit):
        user = django_user_model.objects.create_user(f"{role}-{unit.code}", password="x")
        grant_role(user=user, unit=unit, role=role, actor=None)
        return user

    return make


def test_coordinator_reads_and_writes_every_unit_of_the_province_and_its_history(units, user_with):
    coordinator = user_with("coordinator", units["dong-nai"])

    for code in (
        "so-vhttdl-dong-nai",
        "xa-trang-bom",
        "so-tttt-dong-nai",
        "trang-bom",
        "dong-xoai",
        "so-tttt-binh-phuoc",
    ):
        assert permissions.can_view_unit_data(coordinator, units[code]), code
        assert permissions.can_edit_unit_data(coordinator, units[code]), code
    assert not permissions.can_view_unit_data(coordinator, units["bo-tttt"])


def test_unit_officer_reads_and_writes_only_their_unit(units, user_with):
    officer = user_with("unit_officer", units["bao-ptth-dong-nai"])

    assert permissions.can_edit_unit_data(officer, units["bao-ptth-dong-nai"])
    # The merged agency's officer carries on what its predecessors reported.
    assert permissions.can_edit_unit_data(officer, units["dai-ptth-dong-nai"])
    assert not permissions.can_view_unit_data(officer, units["so-vhttdl-dong-nai"])
    assert not permissions.can_edit_unit_data(officer, units["so-vhttdl-dong-nai"])
    assert not permissions.can_manage_organisation(officer)


def test_viewer_reads_but_never_writes(units, user_with):
    viewer = user_with("viewer", units["dong-nai"])

    assert permissions.can_view_unit_data(viewer, units["xa-bau-ham"])
    assert not permissions.can_edit_unit_data(viewer, units["xa-bau-ham"])
    assert not permissions.can_upload_documents(viewer)


def test_unit_viewer_sees_only_that_unit_and_below(units, user_with):
    viewer = user_with("viewer", units["so-vhttdl-dong-nai"])
    assert permissions.can_view_unit_data(viewer, units["so-vhttdl-dong-nai"])
    assert not permissions.can_view_unit_data(viewer, units["so-khcn-dong-nai"])


def test_administrator_may_do_everything(units, user_with):
    admin = user_with("administrator", units["dong-nai"])
    assert permissions.can_edit_unit_data(admin, units["bo-tttt"])
    assert permissions.can_manage_organisation(admin)
    assert permissions.can_read_audit_log(admin)


def test_anonymous_may_do_nothing(units):
    anonymous = AnonymousUser()
    assert not permissions.can_view_unit_data(anonymous, units["dong-nai"])
    assert not permissions.can_upload_documents(anonymous)
