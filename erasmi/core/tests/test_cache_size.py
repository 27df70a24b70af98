"""The database cache keeps a site's pages: more than Django's default of 300 entries, none culled early."""


def test_the_database_cache_keeps_a_thousand_pages(database_cache):
    for n in range(1000):
        database_cache.set(f"page:{n}", b"<html>...</html>", 3600)
    assert all(database_cache.get(f"page:{n}") is not None for n in range(1000))
