"""iCalendar files (RFC 5545) for one space and for a year's spaces."""

from collections.abc import Iterable

import icalendar
from django.utils import timezone

from .models import Modality, Space, SpaceStatus


def _event(space: Space, base_url: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{space.slug}@rendicion")
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
        first = next((c.url for c in space.channels.all() if c.url), "")
        event.add("location", first or "Virtual")
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
    return calendar.to_ical()
