"""Publications around the spaces: progress computed from them, real file types, the comment
period with moderation, questions into the questions workflow, and the staff pages."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from rendicion.core.services import consent_text_ensure
from rendicion.core.tests.factories import OfficeFactory, UserFactory
from rendicion.spaces.models import CommentState, PublicationComment, PublicationState
from rendicion.spaces.publications import (
    PublicationData,
    publication_comment_moderate,
    publication_comment_submit,
    publication_comments_open,
    publication_create,
    publication_publish,
    publication_spread_record,
    publication_withdraw,
)
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.strategy.selectors import strategy_detail
from rendicion.strategy.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def space():
    """A dialogue a week from now, so that its report takes comments today."""
    return SpaceFactory(
        starts_at=timezone.now() + dt.timedelta(days=7), status="planned", title="Diálogo Red CADE"
    )


def report(space, *, activity=None, publish=True, **values):
    office = values.pop("office", None) or OfficeFactory(entity=space.strategy.entity)
    publication = publication_create(
        actor=None,
        strategy=space.strategy,
        data=PublicationData(
            **{
                "kind": "management_report",
                "title": "Informe de gestión de la Red CADE",
                "summary": "Lo que hizo la Red CADE este año, en palabras sencillas.",
                "office": office,
                "url": "https://entidad.example.invalid/informe",
                "spaces": [space],
                "activity": activity,
                **values,
            }
        ),
    )
    if publish:
        publication_publish(actor=None, publication=publication)
    return publication


def progress_of(activity):
    row = next(
        r for r in strategy_detail(strategy=activity.strategy).activities if r.activity == activity
    )
    return row.progress


def test_publishing_a_report_counts_toward_its_activity_one_of_two(space):
    activity = ActivityFactory(
        strategy=space.strategy, target_quantity=2, progress_source="publications"
    )
    draft = report(space, activity=activity, publish=False)
    assert progress_of(activity).achieved == 0

    publication_publish(actor=None, publication=draft)

    progress = progress_of(activity)
    assert (progress.achieved, progress.percent, progress.linked) == (1, 50, True)
    other = ActivityFactory(
        strategy=space.strategy, target_quantity=1, progress_source="publications"
    )
    assert progress_of(other).achieved == 0  # counted for its own activity only
    publication_withdraw(actor=None, publication=draft)
    assert progress_of(activity).achieved == 0


def test_the_open_data_activity_counts_published_documents_with_open_data(space):
    activity = ActivityFactory(
        strategy=space.strategy, target_quantity=1, progress_source="open_data_publications"
    )
    report(space)
    assert progress_of(activity).achieved == 0

    report(space, title="Informe con datos abiertos", contains_open_data=True)

    assert progress_of(activity).status == "done"


def test_a_publication_needs_a_file_or_a_link(space):
    with pytest.raises(ValidationError) as error:
        report(space, url="")
    assert "file" in error.value.message_dict


def test_a_file_named_pdf_must_really_be_a_pdf(space):
    fake = SimpleUploadedFile("informe.pdf", b"no soy un PDF", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        report(space, url="", file=fake)
    assert "no corresponde a un .pdf" in error.value.message_dict["file"][0]
    executable = SimpleUploadedFile("informe.exe", PDF)
    with pytest.raises(ValidationError):
        report(space, url="", file=executable)

    stored = report(space, url="", file=SimpleUploadedFile("informe.pdf", PDF))
    assert stored.file.name.endswith(".pdf")


def test_comments_are_taken_from_publication_until_the_space_starts(space):
    publication = report(space)
    assert publication_comments_open(publication)
    assert not publication_comments_open(publication, now=space.starts_at)
    publication.comments_close_at = timezone.now() + dt.timedelta(days=30)
    publication.save()
    assert publication_comments_open(publication, now=space.starts_at + dt.timedelta(days=1))
    draft = report(space, publish=False, title="Borrador")
    assert not publication_comments_open(draft)
    methodology = report(space, kind="methodology", title="Metodología")
    assert not publication_comments_open(methodology)


def test_spreading_is_recorded_after_publication_only(space):
    publication = report(space)
    today = timezone.localdate()
    spread = publication_spread_record(
        actor=None, publication=publication, channel="Redes sociales", date=today
    )
    assert (spread.channel, spread.date) == ("Redes sociales", today)
    with pytest.raises(ValidationError) as error:
        publication_spread_record(
            actor=None,
            publication=publication,
            channel="Correo",
            date=today - dt.timedelta(days=3),
        )
    assert "date" in error.value.message_dict


def _submit(publication, **values):
    consent = consent_text_ensure(entity=publication.strategy.entity)
    return publication_comment_submit(
        publication=publication,
        **{
            "kind": "comment",
            "text": "Me gustaría saber más de los puntos de atención en Bosa.",
            "author_name": "Persona Ficticia",
            "author_email": "persona.ficticia@example.invalid",
            "consent_text": consent,
            "submission_key": uuid.uuid4(),
            **values,
        },
    )


def test_the_same_submission_twice_stores_one_comment(space):
    publication = report(space)
    key = uuid.uuid4()
    _submit(publication, submission_key=key)
    _submit(publication, submission_key=key)
    assert PublicationComment.objects.filter(publication=publication).count() == 1


def test_a_question_on_a_report_enters_the_questions_workflow_with_its_deadline(space):
    from rendicion.questions.models import Question

    publication = report(space)

    result = _submit(publication, kind="question", text="¿Cuántos SuperCADE abrirán este año?")

    question = Question.objects.get()
    assert result.kind == "question" and question.space == space
    assert question.due_date is not None and question.asker_email
    assert not PublicationComment.objects.exists()


def test_a_comment_after_the_space_started_is_refused(space):
    publication = report(space)
    publication.comments_close_at = timezone.now() - dt.timedelta(minutes=1)
    publication.save()
    with pytest.raises(ValidationError):
        _submit(publication)


def test_a_comment_is_public_only_once_approved_and_never_with_its_authors_data(client, space):
    publication = report(space)
    url = reverse("spaces:publication_public", args=[publication.pk])
    page = client.get(url)
    form = page.context["form"]
    response = client.post(
        url,
        {
            "kind": "comment",
            "text": "Gracias por explicar los horarios de los SuperCADE.",
            "author_name": "Persona Ficticia",
            "author_email": "persona.ficticia@example.invalid",
            "consent": "on",
            "consent_version": form.initial["consent_version"],
            "submission_key": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302
    comment = PublicationComment.objects.get()
    assert comment.state == CommentState.PENDING
    stored = str(PublicationComment.objects.values().get())
    assert "Persona Ficticia" not in stored and "persona.ficticia" not in stored
    assert "Gracias por explicar" not in client.get(url).text

    publication_comment_moderate(
        actor=UserFactory(role="planning"), comment=comment, state="approved"
    )

    text = client.get(url).text
    assert "Gracias por explicar los horarios de los SuperCADE." in text
    assert "Persona Ficticia" not in text and "persona.ficticia" not in text


def test_a_comment_without_consent_is_not_stored(client, space):
    publication = report(space)
    url = reverse("spaces:publication_public", args=[publication.pk])
    response = client.post(
        url,
        {
            "kind": "comment",
            "text": "Un comentario sin autorización.",
            "consent_version": "1",
            "submission_key": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 200
    assert "necesitamos su autorización" in response.text
    assert not PublicationComment.objects.exists()


def test_the_space_page_lists_its_published_documents_only(client, space):
    report(space, title="Informe publicado")
    report(space, title="Informe en borrador", publish=False)
    text = client.get(reverse("spaces:public_detail", args=[space.slug])).text
    assert "Informe publicado" in text and "Informe en borrador" not in text


def test_a_draft_or_withdrawn_publication_has_no_public_page(client, space):
    draft = report(space, publish=False)
    assert client.get(reverse("spaces:publication_public", args=[draft.pk])).status_code == 404
    withdrawn = report(space)
    publication_withdraw(actor=None, publication=withdrawn)
    assert withdrawn.state == PublicationState.WITHDRAWN
    assert client.get(reverse("spaces:publication_public", args=[withdrawn.pk])).status_code == 404


def test_planning_creates_publishes_and_moderates_from_the_staff_pages(client, space):
    from rendicion.spaces.models import Publication

    client.force_login(UserFactory(role="planning"))
    office = OfficeFactory(entity=space.strategy.entity)
    response = client.post(
        reverse("spaces:publication_create", args=[space.strategy.year]),
        {
            "kind": "management_report",
            "title": "Informe previo",
            "summary": "Resumen claro.",
            "file": SimpleUploadedFile("informe.pdf", PDF),
            "spaces": [space.pk],
            "office": office.pk,
        },
    )
    publication = Publication.objects.get()
    assert response.status_code == 302 and publication.state == PublicationState.DRAFT
    client.post(reverse("spaces:publication_state", args=[publication.pk]), {"action": "publish"})
    publication.refresh_from_db()
    assert publication.state == PublicationState.PUBLISHED
    assert publication.published_on == timezone.localdate()
    comment = _submit(publication).record
    detail = client.get(reverse("spaces:publication_detail", args=[publication.pk]))
    assert "Me gustaría saber más" in detail.text

    client.post(
        reverse("spaces:publication_moderate", args=[publication.pk]),
        {"comment": comment.pk, "state": "rejected"},
    )

    comment.refresh_from_db()
    assert comment.state == CommentState.REJECTED
    public = client.get(reverse("spaces:publication_public", args=[publication.pk])).text
    assert "Me gustaría saber más" not in public
    assert client.get(reverse("spaces:publication_file", args=[publication.pk])).status_code == 200


def test_office_staff_of_another_office_cannot_open_the_publication(client, space):
    publication = report(space)
    other = OfficeFactory(entity=space.strategy.entity)
    client.force_login(UserFactory(role="office_staff", offices=[other]))
    url = reverse("spaces:publication_detail", args=[publication.pk])
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(role="office_staff", offices=[publication.office]))
    assert client.get(url).status_code == 200
