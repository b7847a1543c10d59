"""iCalendar files (RFC 5545) for one space and for a year's spaces."""

from collections.abc import Iterable
from urllib.parse import urlsplit

import icalendar
from django.utils import timezone

from .models import Modality, Space, SpaceStatus


def _uid(space: Space, base_url: str) -> str:
    """Globally unique (RFC 5545 3.8.4.7): the installation's host name keeps two
    installations' events apart; the key keeps a renamed space the same event."""
    host = urlsplit(base_url).hostname or "localhost"
    return f"espacio-{space.pk}@{host}"


def _event(space: Space, base_url: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", _uid(space, base_url))
    event.add("dtstamp", space.updated_at)
    event.add("dtstart", timezone.localtime(space.starts_at))
    event.add("dtend", timezone.localtime(space.ends_at))
    event.add("summary", f"{space.get_kind_display()}: {space.title}")
    url = f"{base_url}/espacios/{space.slug}/"
    event.add("url", url)
    lines = [space.purpose] if space.purpose else []
    if space.has_channels:
        lines += [f"{c.name} {c.account}: {c.url}".strip() for c in space.channels.all() if c.url]
    lines.append(url)
    event.add("description", "\n".join(lines))
    if space.has_venue:
        event.add("location", ", ".join(p for p in (space.venue_name, space.venue_address) if p))
    elif space.modality == Modality.VIRTUAL:
        # Where to join; without a link yet, the space's page says how (never a bare "Virtual").
        first = next((c.url for c in space.channels.all() if c.url), "")
        event.add("location", first or url)
    event.add("status", "CANCELLED" if space.status == SpaceStatus.CANCELLED else "CONFIRMED")
    return event


def calendar_ics(spaces: Iterable[Space], *, base_url: str, name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Rendicion//Espacios de rendicion de cuentas//ES")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "America/Bogota")
    for space in spaces:
        calendar.add_component(_event(space, base_url))
    # Every TZID used needs its VTIMEZONE (RFC 5545 3.6.5); icalendar writes it from tzdata.
    calendar.add_missing_timezones()
    return calendar.to_ical()
