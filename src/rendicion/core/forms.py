from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Usuario"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Contraseña"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "El usuario o la contraseña no son correctos. Revise que las mayúsculas estén bien."
        ),
        "inactive": _("Esta cuenta está desactivada."),
    }


def validation_error_to_form(form: forms.BaseForm, error: ValidationError) -> None:
    """Shows a service's ValidationError on the form, at the field it names when it names one."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class TwoFactorCodeForm(forms.Form):
    """One code: the 6 digits of the app or, where allowed, a recovery code."""

    code = forms.CharField(
        label=_("Código de verificación"),
        max_length=20,
        help_text=_(
            "Los 6 dígitos que muestra ahora su aplicación de autenticación. Si no tiene el "
            "celular a mano, escriba uno de sus códigos de recuperación."
        ),
        error_messages={"required": _("Escriba el código.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class TwoFactorEnrolForm(forms.Form):
    code = forms.CharField(
        label=_("Código de 6 dígitos"),
        max_length=12,
        help_text=_("El código que muestra ahora la aplicación para «Rendición»."),
        error_messages={"required": _("Escriba el código que muestra la aplicación.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class StaffPasswordChangeForm(PasswordChangeForm):
    """Django's form, with the policy as plain text (its HTML list cannot go in a hint)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = " ".join(password_validators_help_texts())
