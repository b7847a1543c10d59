"""The one shape of every API error: {"error": {"code", "message", "fields"}}, in Spanish.

Every 4xx the API answers (validation, authentication, permission, missing object, method,
malformed JSON, rate limit) is built here, and the OpenAPI schema documents it as `Error`.
"""

from typing import Any

from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import Field


class ErrorDetail(Schema):
    code: str = Field(description="Código estable, en inglés, para programas.")
    message: str = Field(description="Explicación en español para personas.")
    fields: dict[str, list[str]] = Field(
        description="Mensajes por campo (vacío cuando el error no es de un campo)."
    )


class Error(Schema):
    error: ErrorDetail


CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    422: "invalid",
    429: "too_many_requests",
}


def default_message(status: int) -> str:
    messages = {
        400: _("No se pudo leer la solicitud: revise que el cuerpo sea JSON válido."),
        401: _(
            "Falta la clave de la API o no es válida. Envíela en el encabezado "
            "«Authorization: Bearer <clave>»."
        ),
        403: _("Su usuario no tiene permiso para hacer esto."),
        404: _("No existe lo que busca en esta dirección."),
        405: _("Esta dirección no admite ese método."),
        409: _("La solicitud choca con el estado actual de los datos."),
        413: _("La solicitud es demasiado grande."),
        422: _("Revise los datos enviados: hay valores que no son válidos."),
        429: _("Hizo demasiadas solicitudes. Espere el tiempo indicado y vuelva a intentarlo."),
    }
    return messages.get(status, _("La solicitud no se pudo atender."))


def error_body(
    status: int, message: str | None = None, fields: dict[str, list[str]] | None = None
) -> dict[str, Any]:
    return {
        "error": {
            "code": CODES.get(status, "client_error"),
            "message": message or default_message(status),
            "fields": fields or {},
        }
    }


def error_response(
    status: int,
    message: str | None = None,
    fields: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
) -> JsonResponse:
    response = JsonResponse(error_body(status, message, fields), status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


# Pydantic's messages are English: each error type gets a Spanish one.
def _pydantic_message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("Falta este dato.")
    if kind == "string_too_short":
        return _("Es muy corto: mínimo %(n)s caracteres.") % {"n": ctx.get("min_length")}
    if kind == "string_too_long":
        return _("Es muy largo: máximo %(n)s caracteres.") % {"n": ctx.get("max_length")}
    if kind in {"greater_than_equal", "greater_than"}:
        limit = ctx.get("ge", ctx.get("gt"))
        return _("Debe ser un número mayor o igual que %(n)s.") % {"n": limit}
    if kind in {"less_than_equal", "less_than"}:
        limit = ctx.get("le", ctx.get("lt"))
        return _("Debe ser un número menor o igual que %(n)s.") % {"n": limit}
    if kind in {"literal_error", "enum"}:
        return _("Valor no permitido. Use uno de estos: %(values)s.") % {
            "values": ctx.get("expected", "")
        }
    if kind == "string_pattern_mismatch":
        return _("El formato no es válido.")
    if kind.startswith("date"):
        return _("Escriba la fecha como AAAA-MM-DD, por ejemplo 2023-04-20.")
    if kind.startswith("datetime"):
        return _("Escriba la fecha y hora en ISO 8601, por ejemplo 2023-04-20T10:00:00-05:00.")
    if kind.startswith("uuid"):
        return _("Escriba un identificador UUID, por ejemplo 0f8fad5b-d9cb-469f-a165-70867728950e.")
    if kind.startswith("int"):
        return _("Escriba un número entero.")
    if kind.startswith("bool"):
        return _("Escriba true o false.")
    if kind.startswith("string") or kind == "str_type":
        return _("Escriba un texto.")
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return _("Envíe un objeto JSON con los campos documentados.")
    if kind == "value_error":
        # Our own validators raise ValueError with a Spanish message.
        return str(ctx.get("error") or _("Valor no válido."))
    return _("Valor no válido.")


SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


def pydantic_fields(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Pydantic errors as field → messages. The field is the dotted path the client sent:
    ninja's location prefix (body, query…) and the name of the body parameter are dropped."""
    fields: dict[str, list[str]] = {}
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        if loc and loc[0] in SOURCES:
            source, loc = loc[0], loc[1:]
            if source == "body" and loc and loc[0] == "payload":
                loc = loc[1:]
        name = ".".join(loc) or "body"
        fields.setdefault(name, []).append(_pydantic_message(error))
    return fields


def django_fields(error) -> dict[str, list[str]]:
    """A service's ValidationError as field → messages (non-field errors under "__all__")."""
    if hasattr(error, "error_dict"):
        return {field: [str(m) for m in messages] for field, messages in error.message_dict.items()}
    return {"__all__": [str(m) for m in error.messages]}
