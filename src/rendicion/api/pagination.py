"""Page-numbered lists in a stable order (every queryset passed here ends its ordering on a
unique key), with links to the neighbouring pages."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from .schemas import PageQuery


def _link(request: HttpRequest, page: int) -> str:
    params = request.GET.copy()
    params["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def paginate(
    request: HttpRequest, rows: QuerySet | list, query: PageQuery
) -> tuple[list, dict[str, Any]]:
    """(the page's rows, the page's metadata): one COUNT and one SELECT (plus prefetches) for a
    queryset; a list built in memory (the datasets) is sliced."""
    count = rows.count() if isinstance(rows, QuerySet) else len(rows)
    start = (query.page - 1) * query.page_size
    page_rows = list(rows[start : start + query.page_size]) if start < count else []
    meta = {
        "count": count,
        "page": query.page,
        "page_size": query.page_size,
        "next": _link(request, query.page + 1) if start + query.page_size < count else None,
        "previous": _link(request, query.page - 1) if query.page > 1 else None,
    }
    return page_rows, meta
