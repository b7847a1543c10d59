from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NarrativeSection


class NarrativesForm(forms.Form):
    """One paragraph (or several, separated by a blank line) per section of the report."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for section in NarrativeSection:
            self.fields[section.value] = forms.CharField(
                label=section.label,
                required=False,
                max_length=4000,
                help_text=_("Deje una línea en blanco entre párrafos."),
                widget=forms.Textarea(attrs={"rows": 4}),
            )
