"""The audit log in Spanish: what each action is called, and how a change's values read.

Every `action` a service records has its label here (a test walks the code for them)."""

import datetime as dt
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .formats import date_es, time_es

ACTION_LABELS = {
    "dialogue_plan_save": _("Guardó el planteamiento de los diálogos"),
    "report_narrative_save": _("Guardó los textos del informe"),
    "space_highlight_add": _("Agregó un resultado presentado en un espacio"),
    "space_highlight_delete": _("Quitó un resultado presentado en un espacio"),
    "space_photo_add": _("Subió una foto de un espacio"),
    "space_photo_delete": _("Eliminó una foto de un espacio"),
    "space_photo_update": _("Editó una foto de un espacio"),
    "space_recording_add": _("Agregó una grabación de un espacio"),
    "space_recording_delete": _("Quitó una grabación de un espacio"),
    "api_token_create": _("Creó una clave de la API"),
    "api_token_revoke": _("Revocó una clave de la API"),
    "evaluation_import": _("Importó evaluaciones"),
    "publication_comment_moderate": _("Moderó un comentario a una publicación"),
    "publication_comment_submit": _("Recibió un comentario a una publicación"),
    "publication_create": _("Creó una publicación"),
    "publication_publish": _("Publicó un documento"),
    "publication_spread_record": _("Registró la difusión de una publicación"),
    "publication_update": _("Editó una publicación"),
    "publication_withdraw": _("Retiró una publicación"),
    "activity_create": _("Creó una actividad"),
    "activity_delete": _("Eliminó una actividad"),
    "activity_progress_update": _("Actualizó el avance de una actividad"),
    "activity_update": _("Editó una actividad"),
    "answer_approve": _("Aprobó una respuesta"),
    "answer_publish": _("Publicó una respuesta"),
    "answer_report_publish": _("Publicó el informe de respuestas"),
    "answer_request_changes": _("Pidió cambios a una respuesta"),
    "answer_save_draft": _("Guardó el borrador de una respuesta"),
    "answer_submit": _("Envió una respuesta a revisión"),
    "assessment_create": _("Creó un autodiagnóstico"),
    "assessment_point_to_activity": _("Convirtió un punto débil en actividad"),
    "assessment_scores_save": _("Guardó puntajes del autodiagnóstico"),
    "assessment_template_import": _("Importó una plantilla de autodiagnóstico"),
    "assessment_template_switch": _("Cambió la plantilla del autodiagnóstico"),
    "attendance_import": _("Importó asistencias"),
    "attendance_personal_data_erase": _("Suprimió datos personales de asistencias"),
    "attendance_personal_data_rectify": _("Corrigió datos personales de una asistencia"),
    "commitment_create": _("Registró un compromiso"),
    "commitment_progress_add": _("Registró avance de un compromiso"),
    "commitment_update": _("Editó un compromiso"),
    "communication_piece_add": _("Registró una pieza comunicativa"),
    "communication_piece_state_set": _("Cambió el estado de una pieza comunicativa"),
    "consent_text_create": _("Creó una versión del texto de autorización"),
    "contact_unsubscribe": _("Una persona canceló sus invitaciones"),
    "cronograma_import": _("Importó el cronograma"),
    "data_request_answer": _("Respondió una solicitud de datos personales"),
    "data_request_extend": _("Prorrogó una solicitud de datos personales"),
    "data_request_receive": _("Recibió una solicitud de datos personales"),
    "data_request_state_set": _("Cambió el estado de una solicitud de datos personales"),
    "entity_create": _("Registró la entidad"),
    "evaluation_personal_data_erase": _("Suprimió datos personales de evaluaciones"),
    "evidence_add": _("Agregó una evidencia"),
    "evidence_delete": _("Eliminó una evidencia"),
    "information_needs_replace": _("Actualizó las necesidades de información"),
    "invitation_contact_personal_data_erase": _("Suprimió datos de contacto de invitaciones"),
    "invitation_list_export": _("Descargó la lista de invitados"),
    "non_working_day_add": _("Agregó un día no hábil"),
    "non_working_day_remove": _("Quitó un día no hábil"),
    "non_working_day_update": _("Editó un día no hábil"),
    "office_create": _("Creó una dependencia"),
    "password_change": _("Cambió su contraseña"),
    "question_extend": _("Prorrogó una pregunta"),
    "question_kind_set": _("Cambió el tipo de una pregunta"),
    "question_notices_send": _("Envió avisos de preguntas por vencer"),
    "question_personal_data_erase": _("Suprimió datos personales de una pregunta"),
    "question_personal_data_rectify": _("Corrigió datos personales de una pregunta"),
    "question_receive": _("Registró una pregunta"),
    "question_return": _("Devolvió una pregunta"),
    "question_route": _("Asignó una pregunta a una dependencia"),
    "report_publish": _("Publicó un informe"),
    "space_agenda_replace": _("Actualizó la agenda de un espacio"),
    "space_channels_replace": _("Actualizó los canales de un espacio"),
    "space_create": _("Creó un espacio"),
    "space_form_window_set": _("Abrió o cerró un formulario de un espacio"),
    "space_invitations_replace": _("Actualizó la convocatoria de un espacio"),
    "space_status_set": _("Cambió el estado de un espacio"),
    "space_update": _("Editó un espacio"),
    "stakeholder_group_create": _("Creó un grupo de valor"),
    "strategy_challenges_replace": _("Actualizó los retos de la estrategia"),
    "strategy_copy": _("Copió una estrategia"),
    "strategy_create": _("Creó una estrategia"),
    "strategy_stages_replace": _("Actualizó las etapas de la estrategia"),
    "strategy_team_roles_replace": _("Actualizó el equipo de la estrategia"),
    "strategy_update": _("Editó la estrategia"),
    "topic_merge": _("Unió temas propuestos"),
    "topic_personal_data_erase": _("Suprimió datos personales de un tema propuesto"),
    "topic_propose": _("Registró un tema propuesto"),
    "topic_review": _("Revisó un tema propuesto"),
    "two_factor_enrol": _("Activó la verificación en dos pasos"),
    "two_factor_recovery_code_use": _("Usó un código de recuperación"),
    "two_factor_recovery_codes_regenerate": _("Generó nuevos códigos de recuperación"),
    "two_factor_remove": _("Quitó la verificación en dos pasos"),
    "two_factor_reset": _("Restableció la verificación en dos pasos de otra persona"),
    "user_create": _("Creó un usuario"),
}

# Keys of `changes` that are not model fields.
EXTRA_FIELD_LABELS = {
    "reason": _("motivo"),
    "channels": _("canales"),
    "items": _("puntos"),
    "rows": _("filas"),
    "file": _("archivo"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def _field(object_type: str, name: str):
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def field_label(object_type: str, name: str) -> str:
    field = _field(object_type, name)
    label = getattr(field, "verbose_name", None) or EXTRA_FIELD_LABELS.get(name) or name
    label = str(label)
    return label[:1].upper() + label[1:]


def value_text(object_type: str, name: str, value: Any) -> str:
    """A stored value as people read it: Sí/No, dates in Spanish, choices by their label."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("Sí") if value else _("No"))
    if isinstance(value, list | tuple):
        return "; ".join(value_text(object_type, name, item) for item in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {value_text(object_type, key, v)}" for key, v in value.items())
    field = _field(object_type, name)
    choices = dict(getattr(field, "flatchoices", None) or [])
    if value in choices:
        return str(choices[value])
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return date_es(dt.date.fromisoformat(value))
            if len(value) >= 16 and value[10] in "T ":
                moment = dt.datetime.fromisoformat(value)
                if timezone.is_aware(moment):
                    moment = timezone.localtime(moment)
                return f"{date_es(moment.date())}, {time_es(moment.time())}"
        except ValueError:
            pass
    return str(value)


def audit_row(record) -> dict:
    """One audit record as the log page shows it."""
    actor = record.actor
    return {
        "record": record,
        "actor": (actor.get_full_name() or actor.get_username()) if actor else record.actor_name,
        "action": action_label(record.action),
        "changes": [
            (
                field_label(record.object_type, name),
                value_text(record.object_type, name, before),
                value_text(record.object_type, name, after),
            )
            for name, before, after in record.change_list
        ],
    }
