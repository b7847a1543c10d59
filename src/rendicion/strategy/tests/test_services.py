import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from rendicion.core.models import AuditRecord
from rendicion.core.tests.factories import EntityFactory, OfficeFactory, UserFactory
from rendicion.strategy import services
from rendicion.strategy.models import Activity, ActivityStatus, Evidence, ProgressSource, Strategy

from .factories import ActivityFactory, StageFactory, StrategyFactory

pytestmark = pytest.mark.django_db


def _data(office, **overrides):
    values = dict(
        number=1,
        name="Hacer la audiencia",
        target="Una audiencia realizada",
        responsible=[office],
        quarters=[2],
    )
    values.update(overrides)
    return services.ActivityData(**values)


def test_creating_an_activity_is_audited_with_who_and_what():
    strategy = StrategyFactory()
    office = OfficeFactory(entity=strategy.entity)
    user = UserFactory()
    activity = services.activity_create(actor=user, strategy=strategy, data=_data(office))
    record = AuditRecord.objects.get(action="activity_create")
    assert record.actor == user
    assert record.object_id == str(activity.pk)
    assert record.changes["name"] == [None, "Hacer la audiencia"]
    assert record.changes["responsible"] == [None, [office.name]]


def test_updating_an_activity_records_only_what_changed():
    strategy = StrategyFactory()
    office = OfficeFactory(entity=strategy.entity)
    activity = services.activity_create(actor=None, strategy=strategy, data=_data(office))
    services.activity_update(
        actor=None, activity=activity, data=_data(office, target="Dos audiencias realizadas")
    )
    record = AuditRecord.objects.get(action="activity_update")
    assert record.changes == {"target": ["Una audiencia realizada", "Dos audiencias realizadas"]}


def test_saving_an_unchanged_activity_leaves_no_audit_record():
    strategy = StrategyFactory()
    office = OfficeFactory(entity=strategy.entity)
    activity = services.activity_create(actor=None, strategy=strategy, data=_data(office))
    services.activity_update(actor=None, activity=activity, data=_data(office))
    assert not AuditRecord.objects.filter(action="activity_update").exists()


def test_an_activity_needs_a_responsible_office_and_a_quarter():
    strategy = StrategyFactory()
    office = OfficeFactory(entity=strategy.entity)
    with pytest.raises(ValidationError) as error:
        services.activity_create(
            actor=None, strategy=strategy, data=_data(office, responsible=[], quarters=[])
        )
    assert "responsible" in error.value.message_dict
    assert "q1" in error.value.message_dict
    assert not Activity.objects.exists()


def test_an_office_of_another_entity_cannot_be_responsible():
    strategy = StrategyFactory()
    foreign = OfficeFactory(entity=EntityFactory(name="Otra entidad"))
    with pytest.raises(ValidationError) as error:
        services.activity_create(actor=None, strategy=strategy, data=_data(foreign))
    assert "responsible" in error.value.message_dict


def test_progress_counted_from_records_needs_a_target_quantity():
    strategy = StrategyFactory()
    office = OfficeFactory(entity=strategy.entity)
    with pytest.raises(ValidationError) as error:
        services.activity_create(
            actor=None,
            strategy=strategy,
            data=_data(office, progress_source=ProgressSource.HEARINGS_HELD),
        )
    assert "target_quantity" in error.value.message_dict


def test_the_database_refuses_progress_over_100():
    activity = ActivityFactory()
    activity.progress = 101
    with pytest.raises(IntegrityError):
        activity.save()


def test_a_stage_of_another_strategy_is_refused():
    strategy = StrategyFactory()
    other_stage = StageFactory(strategy=StrategyFactory(entity=strategy.entity, year=2024))
    office = OfficeFactory(entity=strategy.entity)
    with pytest.raises(ValidationError) as error:
        services.activity_create(
            actor=None, strategy=strategy, data=_data(office, stage=other_stage)
        )
    assert "stage" in error.value.message_dict


def test_a_stage_with_activities_cannot_be_removed():
    stage = StageFactory()
    ActivityFactory(strategy=stage.strategy, stage=stage)
    with pytest.raises(ValidationError):
        services.strategy_stages_replace(actor=None, strategy=stage.strategy, stages=[])
    assert stage.strategy.stages.count() == 1


def test_challenges_are_renumbered_in_the_order_given():
    strategy = StrategyFactory()
    services.strategy_challenges_replace(actor=None, strategy=strategy, texts=["B", " ", "A"])
    assert list(strategy.challenges.values_list("number", "text")) == [(1, "B"), (2, "A")]


def test_a_strategy_year_is_unique_per_entity():
    strategy = StrategyFactory()
    with pytest.raises(ValidationError):
        services.strategy_create(
            actor=None, entity=strategy.entity, year=strategy.year, objective="Otra"
        )


def test_copying_a_strategy_keeps_the_plan_and_resets_progress_and_evidence():
    strategy = StrategyFactory(year=2023)
    stage = StageFactory(strategy=strategy)
    services.strategy_challenges_replace(actor=None, strategy=strategy, texts=["Reto uno"])
    services.strategy_team_roles_replace(
        actor=None, strategy=strategy, roles=[services.TeamRoleData("Planeación", ["Coordina"])]
    )
    activity = ActivityFactory(
        strategy=strategy, stage=stage, status=ActivityStatus.DONE, progress=100, q3=True
    )
    services.evidence_add(
        actor=None,
        activity=activity,
        date=dt.date(2023, 5, 1),
        office=None,
        url="https://example.org/informe",
    )

    copy = services.strategy_copy(actor=None, strategy=strategy, year=2024)

    assert copy.year == 2024 and not copy.is_published
    assert list(copy.challenges.values_list("text", flat=True)) == ["Reto uno"]
    assert list(copy.team_roles.values_list("name", flat=True)) == ["Planeación"]
    copied = copy.activities.get()
    assert copied.name == activity.name
    assert copied.stage.strategy == copy and copied.stage.name == stage.name
    assert copied.quarters == [1, 3]
    assert set(copied.responsible.all()) == set(activity.responsible.all())
    assert copied.status == ActivityStatus.PENDING and copied.progress == 0
    assert not copied.evidence.exists()
    assert Strategy.objects.get(year=2023).activities.get().progress == 100


def test_copying_onto_an_existing_year_is_refused():
    strategy = StrategyFactory(year=2023)
    StrategyFactory(entity=strategy.entity, year=2024)
    with pytest.raises(ValidationError) as error:
        services.strategy_copy(actor=None, strategy=strategy, year=2024)
    assert "year" in error.value.message_dict


def test_evidence_is_a_file_or_a_link_not_both():
    activity = ActivityFactory()
    pdf = SimpleUploadedFile("acta.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    with pytest.raises(ValidationError):
        services.evidence_add(
            actor=None,
            activity=activity,
            date=dt.date(2023, 1, 1),
            office=None,
            file=pdf,
            url="https://example.org",
        )
    with pytest.raises(ValidationError):
        services.evidence_add(actor=None, activity=activity, date=dt.date(2023, 1, 1), office=None)
    assert not Evidence.objects.exists()


def test_an_uploaded_evidence_file_is_stored_and_audited():
    activity = ActivityFactory()
    pdf = SimpleUploadedFile("acta.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    evidence = services.evidence_add(
        actor=None, activity=activity, date=dt.date(2023, 1, 1), office=None, file=pdf, note="Acta"
    )
    assert evidence.file.read() == b"%PDF-1.4\n%%EOF\n"
    assert AuditRecord.objects.filter(action="evidence_add", object_id=str(evidence.pk)).exists()


def test_a_file_that_lies_about_its_type_is_refused():
    activity = ActivityFactory()
    fake = SimpleUploadedFile(
        "informe.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    with pytest.raises(ValidationError) as error:
        services.evidence_add(
            actor=None, activity=activity, date=dt.date(2023, 1, 1), office=None, file=fake
        )
    assert "file" in error.value.message_dict
    assert not Evidence.objects.exists()


def test_an_activity_with_evidence_cannot_be_deleted():
    activity = ActivityFactory()
    services.evidence_add(
        actor=None,
        activity=activity,
        date=dt.date(2023, 1, 1),
        office=None,
        url="https://example.org/acta",
    )
    with pytest.raises(ValidationError):
        services.activity_delete(actor=None, activity=activity)
    assert Activity.objects.filter(pk=activity.pk).exists()
