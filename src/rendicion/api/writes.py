"""Staff writes with an API key. Each one asks the permission function and calls the service
that the staff or public page calls: the rules live there, never here."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Router, Status

from rendicion.commitments.permissions import commitment_can_report_progress
from rendicion.commitments.selectors import commitment_queryset
from rendicion.commitments.services import commitment_progress_add
from rendicion.core.selectors import consent_text_version
from rendicion.core.services import consent_text_ensure
from rendicion.participation import rules
from rendicion.participation.permissions import attendance_can_import
from rendicion.participation.services import AttendanceData, attendance_submit
from rendicion.questions.permissions import can_capture_questions
from rendicion.questions.services import QuestionData, question_receive
from rendicion.spaces.models import Space

from .auth import TokenAuth
from .errors import Error
from .public import commitment_out
from .schemas import (
    AttendanceIn,
    AttendanceOut,
    CommitmentOut,
    ProgressIn,
    QuestionIn,
    QuestionOut,
)

router = Router(tags=["Escritura del personal (con clave)"], auth=TokenAuth())

WRITE_ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error, 429: Error}


def _space(slug: str) -> Space:
    space = Space.objects.select_related("strategy", "strategy__entity").filter(slug=slug).first()
    if space is None:
        raise Http404(_("No hay un espacio con esa dirección."))
    return space


@router.post(
    "/preguntas",
    response={201: QuestionOut, 200: QuestionOut, **WRITE_ERRORS},
    url_name="question_create",
    summary="Registrar una pregunta recibida por otro canal",
)
def question_create(request: HttpRequest, payload: QuestionIn):
    """Una pregunta que llegó por el chat o los comentarios de la transmisión, en papel o en el
    recinto. Vence según la Ley 1755 de 2015, como si se registrara en la página del personal.
    Responde 201 al crearla y 200 si la misma clave de envío ya se había registrado."""
    user = request.auth
    if not can_capture_questions(user):
        raise PermissionDenied
    space = _space(payload.space)
    received_at = payload.received_at
    if received_at is not None and timezone.is_naive(received_at):
        received_at = timezone.make_aware(received_at)
    result = question_receive(
        space=space,
        data=QuestionData(
            text=payload.text,
            channel=payload.channel,
            kind=payload.kind,
            asker_name=payload.asker_name,
            asker_email=payload.asker_email,
            asker_phone=payload.asker_phone,
        ),
        consent_text=consent_text_ensure(entity=space.strategy.entity) if payload.consent else None,
        submission_key=payload.submission_key,
        received_at=received_at,
        actor=user,
    )
    question = result.question
    status = 201 if result.outcome == "created" else 200
    return Status(
        status,
        {
            "id": question.pk,
            "outcome": result.outcome,
            "space": space.slug,
            "received_on": question.received_on,
            "due_date": question.due_date,
            "deadline": question.deadline,
        },
    )


def _attendance_checks(payload: AttendanceIn) -> tuple[AttendanceData, str]:
    """The attendance form's rules (participation.rules), for data that comes as JSON."""
    errors: dict[str, str] = {}
    if not payload.consent:
        errors["consent"] = str(rules.CONSENT_REQUIRED)
    digits = rules.document_digits(payload.document_number)
    problem = rules.document_number_problem(digits)
    if problem:
        errors["document_number"] = problem
    email, valid = rules.email_clean(payload.email)
    if not valid:
        errors["email"] = _("Escriba un correo válido, por ejemplo nombre@correo.com.")
    reading = rules.attendance_age(payload.age, payload.age_range)
    if reading is None:
        errors["age"] = str(rules.AGE_REQUIRED)
    age_group, minor = reading or (rules.AgeGroup.NO_RESPONDE, False)
    for field, message in rules.attendance_consent_problems(
        minor=minor,
        guardian_consent=payload.guardian_consent,
        contact_consent=payload.contact_consent,
        email=email,
    ).items():
        errors.setdefault(field, message)
    if errors:
        raise ValidationError(errors)
    data = AttendanceData(
        full_name=payload.full_name,
        sex=payload.sex,
        age_group=age_group,
        document_type=payload.document_type,
        document_number=digits,
        email=email,
        phone=payload.phone,
        age=payload.age,
        locality=payload.locality,
        stakeholder_group=payload.stakeholder_group,
        guardian_consent=payload.guardian_consent,
        contact_consent=payload.contact_consent,
    )
    return data, age_group


@router.post(
    "/espacios/{slug:slug}/asistencias",
    response={201: AttendanceOut, 200: AttendanceOut, **WRITE_ERRORS},
    url_name="attendance_create",
    summary="Registrar una asistencia desde otro sistema",
)
def attendance_create(request: HttpRequest, slug: Path[str], payload: AttendanceIn):
    """La misma operación, reglas de autorización (Ley 1581) y clave de envío que el formulario
    de asistencia: repetir la llamada con la misma `submission_key` guarda un solo registro
    (responde 200 con `repeated`). Una persona ya registrada en el espacio (mismo documento o
    correo) no se cuenta dos veces (`same_person`)."""
    space = _space(slug)
    if not attendance_can_import(request.auth, space):
        raise PermissionDenied
    data, age_group = _attendance_checks(payload)
    entity = space.strategy.entity
    consent = (
        payload.consent_version
        and consent_text_version(entity=entity, version=payload.consent_version)
    ) or consent_text_ensure(entity=entity)
    result = attendance_submit(
        space=space,
        data=data,
        consent_text=consent,
        submission_key=payload.submission_key,
        topic=payload.topic.strip(),
    )
    status = 201 if result.outcome == "created" else 200
    return Status(status, {"outcome": result.outcome, "space": space.slug, "age_group": age_group})


@router.post(
    "/compromisos/{int:commitment_id}/avances",
    response={201: CommitmentOut, **WRITE_ERRORS},
    url_name="commitment_progress_create",
    summary="Informar el avance de un compromiso",
)
def commitment_progress_create(request: HttpRequest, commitment_id: Path[int], payload: ProgressIn):
    """Registra un avance y el nuevo estado del compromiso. Para marcarlo como cumplido hace
    falta el enlace a la evidencia."""
    commitment = commitment_queryset().filter(pk=commitment_id).first()
    if commitment is None:
        raise Http404(_("No hay un compromiso con ese número."))
    if not commitment_can_report_progress(request.auth, commitment):
        raise PermissionDenied
    commitment_progress_add(
        actor=request.auth,
        commitment=commitment,
        date=payload.date,
        note=payload.note,
        status=payload.status,
        evidence_url=payload.evidence_url,
    )
    commitment = commitment_queryset().get(pk=commitment.pk)
    return Status(201, commitment_out(commitment, timezone.localdate()))
