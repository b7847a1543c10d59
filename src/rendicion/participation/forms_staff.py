from django import forms
from django.utils.translation import gettext_lazy as _

from rendicion.core.spreadsheets import SpreadsheetRefused, spreadsheet_size_check


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Archivo de asistencia (XLSX o CSV)"),
        help_text=_(
            "Por ejemplo, la exportación de Google Forms o Microsoft Forms. Primero verá "
            "una vista previa; nada se guarda hasta que confirme."
        ),
    )
    sheet = forms.CharField(
        label=_("Hoja"),
        required=False,
        max_length=100,
        help_text=_("Solo si los datos no están en la primera hoja del archivo."),
    )
    force = forms.BooleanField(
        label=_("Importar aunque este mismo archivo ya se haya importado"),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:  # the same limit as the command line
            spreadsheet_size_check(upload.size)
        except SpreadsheetRefused as error:
            raise forms.ValidationError(str(error)) from None
        return upload
