"""Staff pages to export and import the cronograma spreadsheet."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rendicion.core.exporters import export_response
from rendicion.core.forms import validation_error_to_form
from rendicion.core.uploads import SPREADSHEET_TYPES, upload_check

from .. import selectors, services
from ..cronograma import CronogramaExporter, cronograma_export_rows
from ..forms import CronogramaImportForm
from .access import _editable_strategy, _staff_strategy


@login_required
def cronograma_export(request: HttpRequest, year: int) -> HttpResponseBase:
    strategy = _staff_strategy(request, year)
    activities = selectors.activity_list_for_user(user=request.user, strategy=strategy)
    exporter = CronogramaExporter(rows=cronograma_export_rows(activities), year=strategy.year)
    return export_response(exporter, "xlsx")


@login_required
def cronograma_import(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _editable_strategy(request, year)
    form = CronogramaImportForm(request.POST or None, request.FILES or None)
    file_errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            upload_check(upload, field="file", allowed=SPREADSHEET_TYPES)
            result = services.cronograma_import(
                actor=request.user, strategy=strategy, data=upload.read()
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        except services.CronogramaImportError as error:
            file_errors = error.errors
        else:
            messages.success(
                request,
                _(
                    "Cronograma importado: %(created)s actividades nuevas, %(updated)s actualizadas y "
                    "%(removed)s quitadas."
                )
                % {"created": result.created, "updated": result.updated, "removed": result.removed},
            )
            return redirect("strategy:staff_detail", year=strategy.year)
    return render(
        request,
        "strategy/cronograma_import.html",
        {
            "form": form,
            "strategy": strategy,
            "file_errors": file_errors,
        },
    )
