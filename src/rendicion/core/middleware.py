"""Staff sessions: they end after an idle time, and staff pages need the second step (2FA)."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .two_factor import State, two_factor_session_recheck, two_factor_session_state

STAFF_PREFIX = "/gestion/"
LAST_ACTIVITY_SESSION_KEY = "rendicion_last_activity"
# The timestamp is rewritten at most this often, so that a staff page does not write the
# session row on every request; a session may therefore end up to this much early.
REFRESH_SECONDS = 60


class StaffSessionMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            response = self._idle_check(request)
            if response is None and request.path_info.startswith(STAFF_PREFIX):
                response = self._two_factor_gate(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _idle_check(self, request: HttpRequest) -> HttpResponse | None:
        idle = settings.STAFF_SESSION_IDLE_MINUTES * 60
        now = int(time.time())
        last = request.session.get(LAST_ACTIVITY_SESSION_KEY)
        if isinstance(last, int) and now - last > idle:
            logout(request)
            messages.info(
                request,
                _(
                    "Su sesión se cerró porque pasaron %(minutes)s minutos sin actividad. "
                    "Entre de nuevo."
                )
                % {"minutes": settings.STAFF_SESSION_IDLE_MINUTES},
            )
            if request.path_info.startswith(STAFF_PREFIX):
                return redirect_to_login(request.get_full_path())
            return None
        if not isinstance(last, int) or now - last >= min(REFRESH_SECONDS, idle // 2):
            request.session[LAST_ACTIVITY_SESSION_KEY] = now
            two_factor_session_recheck(request)
        return None

    def _two_factor_gate(self, request: HttpRequest) -> HttpResponse | None:
        path = request.path_info
        if path in (reverse("core:login"), reverse("core:logout")):
            return None
        state = two_factor_session_state(request)
        if state == State.PENDING:
            target = reverse("core:two_factor_verify")
        elif state == State.ENROL:
            target = reverse("core:two_factor_enrol")
        else:
            return None
        if path == target:
            return None
        if request.method == "GET":
            return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return HttpResponseRedirect(target)
