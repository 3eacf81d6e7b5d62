from __future__ import annotations

import pytest


@pytest.fixture
def demo(db):
    """The demo data set: Đồng Nai's tree, the registry's documents, the 2023 and 2024 rounds."""
    from ttdn.demo.management.commands.demo import ensure_demo_accounts, load_demo_documents
    from ttdn.demo.organisation import load_demo_organisation
    from ttdn.demo.reporting import TITLE, load_demo_reporting
    from ttdn.reporting.models import ReportRound

    units = load_demo_organisation()
    load_demo_documents()
    load_demo_reporting(units)
    ensure_demo_accounts(units)
    return {
        "units": units,
        "round": ReportRound.objects.get(title=TITLE.format(year=2024)),
        "previous_round": ReportRound.objects.get(title=TITLE.format(year=2023)),
    }


@pytest.fixture
def coordinator(demo, django_user_model):
    return django_user_model.objects.get(username="daumoi")
