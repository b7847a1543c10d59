import datetime as dt

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def isodate(value: str | None) -> str:
    """'2023-04-20' → '20 de abril de 2023'."""
    if not value:
        return ""
    date = dt.date.fromisoformat(str(value)[:10])
    return formats.date_format(date, r"j \d\e F \d\e Y").lower()


@register.filter
def isotime(value: str | None) -> str:
    """'2023-04-20T10:00:00-05:00' → '10:00 a. m.'."""
    if not value:
        return ""
    moment = dt.datetime.fromisoformat(str(value))
    suffix = "a. m." if moment.hour < 12 else "p. m."
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {suffix}"


@register.filter
def hours(minutes: int | None) -> str:
    """90 → '1,5 horas'."""
    if not minutes:
        return ""
    value = minutes / 60
    text = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} hora" if value == 1 else f"{text} horas"


@register.simple_tag
def scroll_region(caption: str) -> str:
    """Attributes that let keyboard users reach and scroll a table wider than the screen.

    A scrolling box that cannot take focus fails WCAG 2.1.1 (axe: scrollable-region-focusable);
    as a named region, screen readers announce what it holds and that it scrolls.
    """
    label = _("%(caption)s (tabla con desplazamiento horizontal)") % {"caption": caption}
    return format_html('role="region" tabindex="0" aria-label="{}"', label)
