"""participation_stats: counts by sex and age group, and their half-up percentages."""

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from rendicion.participation.models import Attendance, Source
from rendicion.participation.rules import AgeGroup, Sex
from rendicion.participation.selectors import participation_stats
from rendicion.spaces.models import Space
from rendicion.spaces.tests.factories import SpaceFactory


def attend(space, sex: str, age_group: str, n: int = 1) -> None:
    start = Attendance.objects.count()
    Attendance.objects.bulk_create(
        Attendance(
            space=space,
            full_name=f"Persona {start + i}",
            name_key=f"persona {start + i}",
            sex=sex,
            age_group=age_group,
            consent_at=timezone.now(),
            source=Source.STAFF,
        )
        for i in range(n)
    )


@pytest.mark.django_db
def test_every_code_is_counted_zeros_included():
    space = SpaceFactory()
    attend(space, Sex.MUJER, AgeGroup.JOVEN, 3)
    attend(space, Sex.NO_RESPONDE, AgeGroup.PERSONA_MAYOR)
    stats = participation_stats(spaces=Space.objects.all())
    assert stats.attendances == 4
    assert stats.by_sex == {"mujer": 3, "hombre": 0, "intersexual": 0, "no_responde": 1}
    assert stats.by_age_group == {
        "nna": 0,
        "joven": 3,
        "adulto": 0,
        "persona_mayor": 1,
        "no_responde": 0,
    }


@pytest.mark.django_db
def test_only_the_spaces_asked_for_are_counted():
    counted, other = SpaceFactory(), SpaceFactory()
    attend(counted, Sex.HOMBRE, AgeGroup.ADULTO, 2)
    attend(other, Sex.MUJER, AgeGroup.NNA, 5)
    stats = participation_stats(spaces=Space.objects.filter(pk=counted.pk))
    assert (stats.attendances, stats.by_sex["hombre"], stats.by_sex["mujer"]) == (2, 2, 0)
    assert participation_stats(spaces=Space.objects.none()).attendances == 0


@pytest.mark.django_db
def test_the_counts_take_one_query(django_assert_num_queries):
    space = SpaceFactory()
    attend(space, Sex.MUJER, AgeGroup.JOVEN, 3)
    with django_assert_num_queries(1):
        participation_stats(spaces=Space.objects.all())


@pytest.mark.django_db
def test_percentages_are_of_all_attendances_rounded_half_up():
    space = SpaceFactory()
    attend(space, Sex.INTERSEXUAL, AgeGroup.NNA)  # 1 of 8 = 12.5 %
    attend(space, Sex.HOMBRE, AgeGroup.JOVEN, 3)  # 37.5 %
    attend(space, Sex.MUJER, AgeGroup.NO_RESPONDE, 4)  # 50 %
    stats = participation_stats(spaces=Space.objects.all())
    assert [(s.code, s.count, s.pct) for s in stats.sex_shares] == [
        ("mujer", 4, 50),
        ("hombre", 3, 38),
        ("intersexual", 1, 13),
        ("no_responde", 0, 0),
    ]
    assert [(s.code, s.pct) for s in stats.age_shares] == [
        ("nna", 13),
        ("joven", 38),
        ("adulto", 0),
        ("persona_mayor", 0),
        ("no_responde", 50),
    ]
    assert [s.label for s in stats.sex_shares] == ["Mujer", "Hombre", "Intersexual", "No responde"]


@pytest.mark.django_db
def test_without_attendances_every_share_is_zero():
    stats = participation_stats(spaces=Space.objects.all())
    assert stats.attendances == 0
    assert {s.pct for s in stats.sex_shares + stats.age_shares} == {0}


@pytest.mark.django_db
def test_the_json_has_the_contract_keys_with_every_code():
    payload = participation_stats(spaces=Space.objects.all()).as_json()
    assert list(payload)[:3] == ["attendances", "by_sex", "by_age_group"]
    assert list(payload["by_sex"]) == Sex.values
    assert list(payload["by_age_group"]) == AgeGroup.values


def test_the_demo_dialogues_and_hearing_give_the_seeds_figures(demo):
    dialogues = participation_stats(
        spaces=Space.objects.filter(strategy__year=2023, kind="dialogue")
    )
    assert dialogues.attendances == 253
    assert [s.pct for s in dialogues.sex_shares if s.code != "intersexual"] == [48, 33, 19]
    by_age = {s.code: s.pct for s in dialogues.age_shares}
    assert [by_age[c] for c in ("persona_mayor", "joven", "adulto", "no_responde")] == [
        8,
        18,
        60,
        14,
    ]
    hearing = participation_stats(spaces=Space.objects.filter(strategy__year=2023, kind="hearing"))
    assert hearing.attendances == 317


class TestSharesAddUp(HypothesisTestCase):
    @settings(max_examples=25, deadline=None)
    @given(counts=st.lists(st.integers(min_value=0, max_value=12), min_size=4, max_size=4))
    def test_counts_add_up_to_the_attendances_and_each_share_is_within_half_a_point(self, counts):
        space = SpaceFactory()
        for sex, n in zip(Sex.values, counts, strict=True):
            attend(space, sex, AgeGroup.NO_RESPONDE, n)
        stats = participation_stats(spaces=Space.objects.filter(pk=space.pk))
        assert stats.attendances == sum(counts) == sum(stats.by_sex.values())
        assert stats.by_age_group["no_responde"] == sum(counts)
        for share in stats.sex_shares:
            if stats.attendances:
                assert abs(share.pct - 100 * share.count / stats.attendances) <= 0.5
