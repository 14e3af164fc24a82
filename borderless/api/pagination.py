"""Page-number pagination with absolute next/previous links."""

from __future__ import annotations

from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .errors import ApiError


def page_get(*, request: HttpRequest, queryset: QuerySet, page: int, page_size: int) -> dict:
    """The requested page as the envelope of a list response; a page past the last one is a 404."""
    paginator = Paginator(queryset, page_size)
    try:
        current = paginator.page(page)
    except EmptyPage:
        raise ApiError(
            status=404,
            code="page_not_found",
            message=_("Page %(page)s does not exist; the last page is %(last)s."),
            params={"page": page, "last": paginator.num_pages},
        ) from None
    return {
        "count": paginator.count,
        "page": current.number,
        "page_size": page_size,
        "pages": paginator.num_pages,
        "next": _page_url(request, current.next_page_number()) if current.has_next() else None,
        "previous": _page_url(request, current.previous_page_number()) if current.has_previous() else None,
        "results": list(current.object_list),
    }


def _page_url(request: HttpRequest, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
