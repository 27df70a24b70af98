import pytest
from model_bakery import baker

from erasmi.networks.tests.factories import make_network


@pytest.fixture
def coordinator(db):
    return baker.make("accounts.User", email="coordinator@example.org", role="member")


@pytest.fixture
def outsider(db):
    """A member of another network."""
    user = baker.make("accounts.User", email="outsider@example.org", role="member")
    make_network("elsewhere", member_users=[user])
    return user


@pytest.fixture
def network(coordinator, member):
    return make_network("demostadt", coordinator_user=coordinator, member_users=[member])
