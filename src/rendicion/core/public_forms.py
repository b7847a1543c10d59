"""What every public form shares: a submission key against double posts, a honeypot for bots,
and one per-client submission budget (the rate is the PUBLIC_FORM_RATE setting)."""

import uuid
from collections.abc import Callable

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from .forms import validation_error_to_form


class PublicForm(forms.Form):
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    # Bots fill every field; people never see this one (hidden with CSS, skipped by keyboard).
    website = forms.CharField(
        label=_("Deje este campo vacío"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault("submission_key", uuid.uuid4())
        super().__init__(*args, **kwargs)

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


def public_post_limited(request: HttpRequest) -> bool:
    """Whether this client has used up its budget of public submissions for now."""
    return is_ratelimited(
        request,
        group="public-forms",
        key="ip",
        rate=settings.PUBLIC_FORM_RATE,
        method="POST",
        increment=True,
    )


def public_form_post(
    request: HttpRequest,
    form: PublicForm,
    *,
    submit: Callable[[dict], HttpResponse],
    too_many: Callable[[], HttpResponse],
) -> HttpResponse | None:
    """What every public form does with a POST: the client's budget, the form's checks, the
    honeypot, then the service (`submit`, given the cleaned data). Returns the response to
    send, or None to show the form again with its errors (a service's ValidationError included).
    """
    if public_post_limited(request):
        return too_many()
    if not form.is_valid():
        return None
    if form.is_bot:
        form.add_error("website", gettext("Deje este campo vacío para poder enviar el formulario."))
        return None
    try:
        return submit(form.cleaned_data)
    except ValidationError as error:
        validation_error_to_form(form, error)
        return None
