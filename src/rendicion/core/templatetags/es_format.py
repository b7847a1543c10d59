"""One way to write dates, times and numbers on every page (es-CO, plain language).

{{ space.starts_at|fecha_hora }}  → 20 de abril de 2023, 10:00 a. m.
{{ day|fecha }}                   → 20 de abril de 2023
{{ 92.9|numero:1 }}               → 92,9      {{ 1234567|numero }} → 1.234.567
{{ 48|porcentaje }}               → 48 %      (a non-breaking space keeps "%" on the line)
"""

import datetime as dt

from django import template
from django.utils import timezone

from rendicion.core.formats import NBSP, date_es, number_es, time_es

register = template.Library()


@register.filter
def fecha(value) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return date_es(value)


@register.filter
def fecha_hora(value) -> str:
    if value in (None, ""):
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{date_es(local.date())}, {time_es(local.time())}"


@register.filter
def hora(value) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, dt.datetime):
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).time()
    return time_es(value)


@register.filter
def numero(value, decimals=0) -> str:
    if value in (None, ""):
        return ""
    return number_es(value, int(decimals))


@register.filter
def porcentaje(value, decimals=0) -> str:
    if value in (None, ""):
        return ""
    return f"{number_es(value, int(decimals))}{NBSP}%"
