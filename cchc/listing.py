"""Lists that sort by their columns and come in pages: the one helper every list page uses.

A view names its columns once (``Column``: the label the table shows, the fields it sorts by) and calls
``sort_and_page(request, rows, columns, default)``. The request's ``sap`` picks the column (``-`` before it for
descending), ``trang`` the page; anything else in the query string (filters, search) is kept in every link.
Sorting happens in the database, so a page costs the same whatever the list's length; a value nobody can sort by
(an unknown column, a page past the end, text for a number) falls back to the default order or the nearest page,
never to an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet
from django.http import HttpRequest, QueryDict

SORT, PAGE = "sap", "trang"
PER_PAGE = 50


@dataclass(frozen=True)
class Column:
    key: str  # the value of ``sap`` in the URL
    label: str
    fields: tuple[str, ...] = ()  # the fields (or annotations) it sorts by; none: not sortable

    @property
    def sortable(self) -> bool:
        return bool(self.fields)


@dataclass(frozen=True)
class Header:
    label: str
    url: str  # "" when the column does not sort
    direction: str  # "asc", "desc" or "" (the column the list is not sorted by)

    @property
    def arrow(self) -> str:
        return {"asc": " ▲", "desc": " ▼"}.get(self.direction, "")

    @property
    def aria_sort(self) -> str:
        return {"asc": "ascending", "desc": "descending"}.get(self.direction, "none")


@dataclass
class Listing:
    page: Page
    headers: list[Header]
    sort: str  # the ``sap`` value in force
    params: QueryDict  # the request's query without its page: filters, search and sort kept in every link
    page_param: str = PAGE  # the query's key for this list's page (a page with two lists pages each its own way)

    def page_url(self, number: int) -> str:
        return self._query(**{self.page_param: str(number)})

    @property
    def previous_url(self) -> str:
        return self.page_url(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self) -> str:
        return self.page_url(self.page.next_page_number()) if self.page.has_next() else ""

    @property
    def pages(self) -> list[tuple[int | None, str]]:
        """(number, url) for the pager: the first, the last and two either side of the current one; None is a gap."""
        paginator, current = self.page.paginator, self.page.number
        shown, last = [], 0
        for n in paginator.page_range:
            if n in (1, paginator.num_pages) or abs(n - current) <= 2:
                if last and n > last + 1:
                    shown.append((None, ""))
                shown.append((n, self.page_url(n)))
                last = n
        return shown

    def _query(self, **changes: str) -> str:
        params = self.params.copy()
        for key, value in changes.items():
            params[key] = value
        return "?" + params.urlencode()


def _order(columns: list[Column], sort: str) -> tuple[Column, bool] | None:
    descending = sort.startswith("-")
    key = sort[1:] if descending else sort
    for column in columns:
        if column.key == key and column.sortable:
            return column, descending
    return None


def sort_and_page(
    request: HttpRequest, rows: QuerySet, columns: list[Column], default: str, per_page: int = PER_PAGE
) -> Listing:
    """``rows`` sorted by the requested column (else ``default``, e.g. ``"-date"``) and cut to the requested page.
    Ties are broken by the primary key, so pages never repeat or skip a row."""
    sort = request.GET.get(SORT, "")
    chosen = _order(columns, sort)
    if chosen is None:
        sort, chosen = default, _order(columns, default)
    column, descending = chosen
    order = [F(f).desc(nulls_last=True) if descending else F(f).asc(nulls_last=True) for f in column.fields]
    listing = paged(request, rows.order_by(*order, "-pk" if descending else "pk"), per_page=per_page)
    params = listing.params
    headers = []
    for c in columns:
        if not c.sortable:
            headers.append(Header(c.label, "", ""))
            continue
        direction = ("desc" if descending else "asc") if c is column else ""
        params[SORT] = f"-{c.key}" if direction == "asc" else c.key
        headers.append(Header(c.label, "?" + params.urlencode(), direction))
    params[SORT] = sort
    listing.headers, listing.sort = headers, sort
    return listing


def paged(request: HttpRequest, rows, page_param: str = PAGE, per_page: int = PER_PAGE) -> Listing:
    """``rows`` in their own order, cut to the page the request's ``page_param`` asks for (the nearest page for
    anything else); the rest of the query string, other lists' pages included, kept in every link."""
    page = Paginator(rows, per_page).get_page(request.GET.get(page_param))
    params = request.GET.copy()
    params.pop(page_param, None)
    return Listing(page=page, headers=[], sort="", params=params, page_param=page_param)
