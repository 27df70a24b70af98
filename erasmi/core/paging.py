from django.core.paginator import Paginator

# No listing has more pages than this; a larger number is the last page (pages) or refused (API).
MAX_PAGE = 10_000


def page_number(raw) -> int:
    """The page asked for as a number from 1 to MAX_PAGE: anything else (text, 0, a huge number) is bounded."""
    text = str(raw or "").strip()
    if not text.isdecimal():
        return 1
    if len(text) > len(str(MAX_PAGE)):
        return MAX_PAGE
    return min(max(int(text), 1), MAX_PAGE)


def paginate(request, items, per_page: int):
    """A page of items and the query string of the request without its page number (for page links)."""
    page = Paginator(items, per_page).get_page(page_number(request.GET.get("page")))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
