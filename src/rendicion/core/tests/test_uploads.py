import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from rendicion.core.uploads import SPREADSHEET_TYPES, upload_check


def _xlsx() -> bytes:
    output = io.BytesIO()
    Workbook().save(output)
    return output.getvalue()


def test_a_real_pdf_passes():
    assert upload_check(SimpleUploadedFile("a.PDF", b"%PDF-1.7\n..."), field="file") == "pdf"


def test_a_real_spreadsheet_passes_as_spreadsheet():
    upload = SimpleUploadedFile("c.xlsx", _xlsx())
    assert upload_check(upload, field="file", allowed=SPREADSHEET_TYPES) == "xlsx"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "Ese tipo de archivo no se acepta"),
        ("informe.pdf", b"<html>", "no corresponde a un .pdf"),
        ("datos.csv", b"a,b\x00c", "no es de texto"),
        ("tabla.xlsx", b"%PDF-1.4", "no corresponde a un .xlsx"),
    ],
)
def test_wrong_types_are_refused_naming_the_field(name, content, message):
    with pytest.raises(ValidationError) as error:
        upload_check(SimpleUploadedFile(name, content), field="archivo")
    assert message in error.value.message_dict["archivo"][0]


def test_files_over_the_size_limit_are_refused(settings):
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        upload_check(SimpleUploadedFile("a.pdf", b"%PDF-1.4 " + b"x" * 20), field="file")
    assert "el máximo es 10" in error.value.message_dict["file"][0]
