"""HTTP around the API: the docs page, the schema, rate limits and ETags on every call, and the
staff page where each user creates and revokes their own keys."""

import hashlib
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from rendicion.core.forms import validation_error_to_form

from . import permissions, selectors, services
from .api import api
from .errors import error_response
from .forms import ApiTokenForm
from .models import ApiToken
from .ratelimit import api_rate_check

ERROR_RESPONSES = {
    "400": "La solicitud no se pudo leer (JSON no válido).",
    "401": "Falta la clave o no es válida.",
    "403": "El usuario de la clave no tiene permiso.",
    "404": "No existe.",
    "405": "Método no permitido en esta dirección.",
    "422": "Datos no válidos: `fields` dice qué revisar.",
    "429": "Demasiadas solicitudes: espere los segundos de `Retry-After`.",
}


def _etag(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Reads carry a strong ETag of their body; If-None-Match with it answers 304."""
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    response["ETag"] = etag
    patch_vary_headers(response, ["Authorization"])
    response["Cache-Control"] = "no-cache"
    return get_conditional_response(request, etag=etag, response=response)


def api_call(view):
    """Every API request: the rate limits first, then the view; a 405 in the error shape and
    ETags on successful reads."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        wait = api_rate_check(request)
        if wait is not None:
            return error_response(429, headers={"Retry-After": str(wait)})
        try:
            response = view(request, *args, **kwargs)
        except Http404:  # raised outside an operation, e.g. by ninja's root view
            return error_response(404)
        if response.status_code == 405 and not isinstance(response, JsonResponse):
            allow = response.get("Allow", "")
            response = error_response(405, headers={"Allow": allow} if allow else None)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response = _etag(request, response)
        return response

    return csrf_exempt(wrapped)


def openapi_schema() -> dict:
    """ninja's schema, with the error shape documented for the responses every path may give."""
    schema = api.get_openapi_schema(path_prefix=reverse("api-v1:api-root"))
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            # ninja keys responses by int; JSON keys are strings (and must not repeat).
            responses = {str(code): value for code, value in operation.get("responses", {}).items()}
            operation["responses"] = responses
            for code in ("405", "429"):
                responses.setdefault(
                    code,
                    {
                        "description": ERROR_RESPONSES[code],
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
            for code, response in responses.items():
                if code in ERROR_RESPONSES:
                    response["description"] = ERROR_RESPONSES[code]
    return schema


@api_call
def openapi_json(request: HttpRequest) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return error_response(405, headers={"Allow": "GET, HEAD"})
    return JsonResponse(openapi_schema(), json_dumps_params={"ensure_ascii": False})


def docs(request: HttpRequest) -> HttpResponse:
    """The interactive page (Swagger UI, served from our static files: no CDN, no inline JS)."""
    return render(request, "api/docs.html", {"schema_url": reverse("api:openapi")})


@api_call
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return error_response(404)


# Staff: each user's own keys --------------------------------------------------------------


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    """The user's keys; a POST creates one and shows it once."""
    if not permissions.api_token_can_create(request.user):
        raise PermissionDenied
    form = ApiTokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            created = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            form = ApiTokenForm()
    response = render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "created": created,
            "tokens": selectors.api_token_list(user=request.user),
            "docs_url": reverse("api:docs"),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest) -> HttpResponse:
    pk = request.POST.get("token", "")
    token = get_object_or_404(ApiToken, pk=int(pk) if pk.isdigit() else 0, user=request.user)
    services.api_token_revoke(user=request.user, token=token)
    messages.success(request, _("La clave «%(name)s» quedó revocada.") % {"name": token.name})
    return redirect("api:token_list")
