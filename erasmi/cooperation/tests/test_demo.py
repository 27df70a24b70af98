"""The demo network shows cooperation from every source."""

from erasmi.accounts.models import User
from erasmi.cooperation import analysis, demo
from erasmi.networks import demo as network_demo


def test_the_demo_network_has_ties_of_every_source_and_a_proposal_to_confirm(db, settings):
    users = {name: User.objects.create_user(f"{name}@example.org", "x") for name in ("coordinator", "member")}
    network = network_demo.load(users)
    assert demo.load(network) == 5
    assert demo.load(network) == 0  # loaded once
    measures = analysis.measure(analysis.build_graph(network))
    found = {key for edge in measures.edges for key in edge["sources"]}
    assert found == {"groups", "meetings", "partnerships"}
    assert network.partnerships.open().get().partner.name == "Afrikanisch-Deutscher Kulturverein e.V."
