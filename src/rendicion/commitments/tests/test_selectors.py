"""What reports and the Colibrí export read: fixed queries, computed state, last progress."""

import datetime as dt

import pytest

from rendicion.commitments import selectors, services
from rendicion.spaces.tests.factories import SpaceFactory

from .factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def test_commitments_for_strategy_in_one_query(django_assert_num_queries):
    space = SpaceFactory(title="Diálogo Red CADE")
    first = CommitmentFactory(space=space, due_date=dt.date(2023, 8, 31))
    CommitmentFactory(space=space, due_date=dt.date(2023, 12, 15))
    services.commitment_progress_add(
        actor=None,
        commitment=first,
        date=dt.date(2023, 5, 1),
        note="Primero.",
        status="in_progress",
    )
    services.commitment_progress_add(
        actor=None,
        commitment=first,
        date=dt.date(2023, 6, 1),
        note="Segundo.",
        status="in_progress",
    )
    with django_assert_num_queries(1):
        rows = selectors.commitments_for_strategy(
            strategy=space.strategy, today=dt.date(2023, 9, 1)
        )
    assert [(r.space_title, r.state, r.state_label, r.last_progress) for r in rows] == [
        ("Diálogo Red CADE", "overdue", "Vencido", "Segundo."),
        ("Diálogo Red CADE", "pending", "Pendiente", ""),
    ]
    assert rows[0].office == first.office.name and rows[0].due_date == dt.date(2023, 8, 31)


def test_colibri_rows_carry_every_evidence_link(django_assert_num_queries):
    commitment = CommitmentFactory()
    for n, status in enumerate(["in_progress", "done"], 1):
        services.commitment_progress_add(
            actor=None,
            commitment=commitment,
            date=dt.date(2023, 5, n),
            note=f"Avance {n}.",
            status=status,
            evidence_url=f"https://example.invalid/{n}",
        )
    with django_assert_num_queries(2):
        rows = selectors.colibri_rows(entity=commitment.space.strategy.entity, year=2023)
    assert rows == [
        [
            commitment.space.title,
            dt.date(2023, 4, 20),
            commitment.description,
            commitment.office.name,
            dt.date(2023, 12, 15),
            "Cumplido",
            "2023-05-02: Avance 2.",
            "https://example.invalid/1 ; https://example.invalid/2",
        ]
    ]
