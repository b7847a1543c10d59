from django import forms
from django.utils.translation import gettext_lazy as _


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nombre de la clave"),
        max_length=100,
        help_text=_("Para reconocerla después, por ejemplo «Tablero del Distrito»."),
        error_messages={"required": _("Escriba un nombre para la clave.")},
    )
