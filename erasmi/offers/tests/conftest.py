import pytest

from erasmi.networks.models import Membership, Organisation
from erasmi.offers import demo


@pytest.fixture
def offers(erfurt_network):
    """The demo offers, given to the Erfurt network's members."""
    from erasmi.offers import vocabulary
    from erasmi.offers.models import Category, TargetGroup

    vocabulary.load(Category, TargetGroup)  # a transactional test starts without the migrations' data
    for n in range(3):
        Membership.objects.create(
            network=erfurt_network,
            organisation=Organisation.objects.create(name=f"Provider {n}", actor_type="ngo"),
        )
    demo.load(erfurt_network)
    return erfurt_network
