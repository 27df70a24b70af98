"""A bump always leaves a new token, also when another process created the key's row between the bump's
update (no row yet) and its get_or_create: that process may have kept what the change replaces under the
token it created (a member list built from the data the bumping transaction had not committed yet)."""

from erasmi.core.models import ContentVersion


def test_a_bump_after_someone_else_created_the_row_changes_the_token(db, monkeypatch):
    manager = ContentVersion.objects
    original = manager.get_or_create
    created_by_reader = {}

    def reader_creates_it_first(**kwargs):
        monkeypatch.setattr(manager, "get_or_create", original)
        created_by_reader["token"] = original(**kwargs)[0].token  # a reader's current(): its own row, its token
        return original(**kwargs)

    monkeypatch.setattr(manager, "get_or_create", reader_creates_it_first)
    ContentVersion.bump("people:1")
    assert created_by_reader  # the race happened
    assert ContentVersion.tokens(["people:1"])["people:1"] != created_by_reader["token"]


def test_a_bump_of_a_new_key_creates_it_and_a_bump_of_a_known_key_changes_it(db):
    ContentVersion.bump("people:2")
    first = ContentVersion.tokens(["people:2"])["people:2"]
    ContentVersion.bump("people:2")
    assert ContentVersion.tokens(["people:2"])["people:2"] != first
