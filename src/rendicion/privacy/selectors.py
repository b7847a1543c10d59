"""Reads of data requests: the staff queue with its deadlines."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from rendicion.core.dates import BusinessCalendar, business_days_after, business_days_between
from rendicion.core.models import Entity

from .models import DataRequest, RequestState

# "Due soon": the deadline falls within this many business days.
DUE_SOON_BUSINESS_DAYS = 3

QUEUE_VIEWS = ["open", "overdue", "due_soon", "answered", "all"]


def data_request_queue(
    *, entity: Entity, view: str, today: dt.date, calendar: BusinessCalendar
) -> QuerySet[DataRequest]:
    """Requests of one view of the queue, the nearest deadline first."""
    requests = DataRequest.objects.filter(entity=entity)
    open_requests = requests.exclude(state=RequestState.ANSWERED)
    if view == "open":
        requests = open_requests
    elif view == "overdue":
        requests = open_requests.filter(deadline__lt=today)
    elif view == "due_soon":
        soon = business_days_after(today, DUE_SOON_BUSINESS_DAYS, calendar)
        requests = open_requests.filter(deadline__gte=today, deadline__lte=soon)
    elif view == "answered":
        requests = requests.filter(state=RequestState.ANSWERED).order_by("-answered_at", "-pk")
        return requests
    return requests.order_by("deadline", "pk")


def data_request_counts(*, entity: Entity, today: dt.date, calendar: BusinessCalendar) -> dict:
    """open, overdue, due_soon and answered, in one aggregate query."""
    soon = business_days_after(today, DUE_SOON_BUSINESS_DAYS, calendar)
    is_open = ~Q(state=RequestState.ANSWERED)
    return DataRequest.objects.filter(entity=entity).aggregate(
        open=Count("pk", filter=is_open),
        overdue=Count("pk", filter=is_open & Q(deadline__lt=today)),
        due_soon=Count("pk", filter=is_open & Q(deadline__gte=today, deadline__lte=soon)),
        answered=Count("pk", filter=Q(state=RequestState.ANSWERED)),
    )


@dataclass
class QueueRow:
    request: DataRequest
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.request.is_open and self.days_left < 0


def data_request_rows(requests, *, today: dt.date, calendar: BusinessCalendar) -> list[QueueRow]:
    return [
        QueueRow(request, business_days_between(today, request.deadline, calendar))
        for request in requests
    ]
