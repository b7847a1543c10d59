"""The API itself: /api/v1/ with its routers, its error handlers and its OpenAPI schema."""

from django.core.exceptions import (
    ObjectDoesNotExist,
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from . import public, writes
from .errors import django_fields, error_response, pydantic_fields

api = NinjaAPI(
    title="Rendición — API de rendición de cuentas",
    version="1",
    description=(
        "Lectura pública de estrategias, espacios, informes, respuestas y compromisos, sin "
        "datos personales; escritura para el personal con una clave personal. Todo error 4xx "
        'responde `{"error": {"code", "message", "fields"}}` en español.'
    ),
    urls_namespace="api-v1",
    openapi_url=None,
    docs_url=None,
)
api.add_router("", public.router)
api.add_router("", writes.router)


@api.exception_handler(NinjaValidationError)
def _validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    return error_response(422, fields=pydantic_fields(exc.errors))


@api.exception_handler(DjangoValidationError)
def _service_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    return error_response(422, fields=django_fields(exc))


@api.exception_handler(AuthenticationError)
def _authentication(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_response(401, headers={"WWW-Authenticate": "Bearer"})


@api.exception_handler(PermissionDenied)
def _permission(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error_response(403)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    message = str(exc) if exc.args and isinstance(exc.args[0], str) else None
    return error_response(404, message)


@api.exception_handler(ObjectDoesNotExist)
def _does_not_exist(request: HttpRequest, exc: ObjectDoesNotExist) -> HttpResponse:
    return error_response(404)


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    return error_response(429, headers={"Retry-After": str(int(exc.wait or 1))})


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return error_response(413)


@api.exception_handler(SuspiciousOperation)
def _suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    return error_response(400, _("La solicitud no es válida."))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # ninja raises HttpError(400) for a body that is not JSON; its message is English.
    message = _("No se pudo leer el cuerpo: envíe JSON válido.") if exc.status_code == 400 else None
    return error_response(exc.status_code, message)
