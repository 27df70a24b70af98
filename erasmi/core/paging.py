from django.core.paginator import Paginator


def paginate(request, items, per_page: int):
    """A page of items and the query string of the request without its page number (for page links)."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
