from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import two_factor
from .audit_labels import ACTION_LABELS, audit_row
from .forms import LoginForm, StaffPasswordChangeForm, TwoFactorCodeForm, TwoFactorEnrolForm
from .permissions import can_view_audit, must_use_two_factor
from .selectors import audit_list
from .services import audit_record


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitors: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except DatabaseError:
        database = "error"
    status = 200 if database == "ok" else 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "error", "checks": {"database": database}},
        status=status,
    )


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
def audit(request: HttpRequest) -> HttpResponse:
    if not can_view_audit(request.user):
        raise PermissionDenied
    records = audit_list()
    action = request.GET.get("accion", "").strip()[:60]
    if action:
        records = records.filter(action=action)
    page = Paginator(records, 50).get_page(request.GET.get("pagina"))
    actions = sorted(
        ((code, str(label)) for code, label in ACTION_LABELS.items()), key=lambda item: item[1]
    )
    return render(
        request,
        "core/audit.html",
        {
            "page": page,
            "rows": [audit_row(record) for record in page],
            "action": action,
            "actions": actions,
        },
    )


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


def terms(request: HttpRequest) -> HttpResponse:
    return render(request, "core/terms.html")


# Two-factor authentication and the staff account --------------------------------------------


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@never_cache
@login_required
def two_factor_verify_view(request: HttpRequest) -> HttpResponse:
    """The second step after the password, for staff who have an authentication app."""
    if two_factor.two_factor_session_state(request) != two_factor.State.PENDING:
        return redirect(_next_url(request))
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            two_factor.two_factor_verify(request, code=form.cleaned_data["code"])
        except two_factor.TwoFactorError as error:
            form.add_error("code", str(error))
        else:
            return redirect(_next_url(request))
    return render(
        request, "core/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )


@never_cache
@login_required
def two_factor_enrol_view(request: HttpRequest) -> HttpResponse:
    """Adds an authentication app: scan the QR code (or type the key), confirm with a code."""
    if two_factor.two_factor_is_active(request.user):
        messages.info(
            request,
            _("Ya tiene una aplicación activa. Para cambiarla, primero quite la actual."),
        )
        return redirect("core:account")
    form = TwoFactorEnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            two_factor.two_factor_enrol(request, code=form.cleaned_data["code"])
        except two_factor.TwoFactorError as error:
            form.add_error("code", str(error))
        else:
            return redirect(f"{reverse('core:two_factor_codes')}?{_next_query(request)}")
    enrolment = two_factor.two_factor_enrolment(request)
    return render(
        request,
        "core/two_factor_enrol.html",
        {
            "form": form,
            "enrolment": enrolment,
            "required": must_use_two_factor(request.user),
            "next": _next_url(request),
        },
    )


def _next_query(request: HttpRequest) -> str:
    return urlencode({"next": _next_url(request)})


@never_cache
@login_required
def two_factor_codes_view(request: HttpRequest) -> HttpResponse:
    """The recovery codes, shown once right after they were made."""
    codes = request.session.pop(two_factor.NEW_CODES_SESSION_KEY, None)
    if not codes:
        messages.info(
            request,
            _(
                "Los códigos de recuperación se muestran una sola vez. Si los perdió, "
                "genere unos nuevos."
            ),
        )
        return redirect("core:account")
    return render(
        request, "core/two_factor_codes.html", {"codes": codes, "next": _next_url(request)}
    )


@login_required
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "core/account.html",
        {
            "active": two_factor.two_factor_is_active(user),
            "required": must_use_two_factor(user),
            "codes_left": two_factor.recovery_codes_left(user),
        },
    )


def _code_action(request: HttpRequest, *, template: str, action) -> HttpResponse:
    if not two_factor.two_factor_is_active(request.user):
        return redirect("core:account")
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            return action(form.cleaned_data["code"])
        except two_factor.TwoFactorError as error:
            form.add_error("code", str(error))
    return render(request, template, {"form": form})


@login_required
def two_factor_codes_regenerate_view(request: HttpRequest) -> HttpResponse:
    def regenerate(code: str) -> HttpResponse:
        two_factor.two_factor_recovery_codes_regenerate(request, code=code)
        return redirect("core:two_factor_codes")

    return _code_action(request, template="core/two_factor_regenerate.html", action=regenerate)


@login_required
def two_factor_remove_view(request: HttpRequest) -> HttpResponse:
    def remove(code: str) -> HttpResponse:
        state = two_factor.two_factor_remove(request, code=code)
        if state == two_factor.State.ENROL:
            messages.info(
                request,
                _("Quitamos su aplicación anterior. Active ahora la nueva para seguir."),
            )
            return redirect("core:two_factor_enrol")
        messages.success(request, _("Quitamos la verificación en dos pasos de su cuenta."))
        return redirect("core:account")

    return _code_action(request, template="core/two_factor_remove.html", action=remove)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "core/password_change.html"
    form_class = StaffPasswordChangeForm
    success_url = reverse_lazy("core:account")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(actor=self.request.user, action="password_change", target=self.request.user)
        messages.success(self.request, _("Su contraseña quedó cambiada."))
        return response
