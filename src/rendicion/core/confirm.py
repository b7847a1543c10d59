"""Irreversible or public actions ask first, on a page that works without JavaScript.

The action's button posts to its view; the view calls `confirmation_page()` first. Without the
confirmation field the view answers with a page that says what will change and posts the same
fields back with the confirmation; with it (and the reason, where one is required),
`confirmation_page()` returns None and the view acts.
"""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

CONFIRM_FIELD = "confirmado"
CONFIRM_VALUE = "si"
REASON_FIELD = "motivo"


class ReasonForm(forms.Form):
    motivo = forms.CharField(
        label=_("Motivo"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        error_messages={"required": _("Escriba el motivo.")},
    )


def confirmation_page(
    request: HttpRequest,
    *,
    title: str,
    changes: list[str],
    action_label: str,
    cancel_url: str,
    warning: bool = False,
    reason_label: str = "",
) -> HttpResponse | None:
    """None when the POST carries the confirmation (and the reason, when `reason_label` asks
    for one: read it from `request.POST["motivo"]`); otherwise the page that asks for them."""
    confirmed = request.POST.get(CONFIRM_FIELD) == CONFIRM_VALUE
    reason_form = None
    if reason_label:
        reason_form = ReasonForm(request.POST if confirmed else None)
        reason_form.fields[REASON_FIELD].label = reason_label
        if confirmed and reason_form.is_valid():
            return None
    elif confirmed:
        return None
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in {"csrfmiddlewaretoken", CONFIRM_FIELD, REASON_FIELD}
        for value in values
    ]
    return render(
        request,
        "core/confirm.html",
        {
            "title": title,
            "changes": changes,
            "action_label": action_label,
            "cancel_url": cancel_url,
            "fields": fields,
            "confirm_field": CONFIRM_FIELD,
            "confirm_value": CONFIRM_VALUE,
            "warning": warning,
            "form": reason_form,
        },
        status=400 if reason_form is not None and reason_form.errors else 200,
    )
