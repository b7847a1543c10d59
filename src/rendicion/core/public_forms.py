"""What every public form shares: a submission key against double posts, a honeypot for bots,
and one per-client submission budget (the rate is the PUBLIC_FORM_RATE setting)."""

import uuid

from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited


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
