"""Coordinators keep their network's own details without the admin: name, description, place, founding year,
rules of procedure and the contact address on the public page. Saved unchanged, nothing is written."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from erasmi.networks.editing import edit_page
from erasmi.networks.forms import NetworkForm
from erasmi.networks.views import _network


@login_required
def network_edit(request, slug):
    network = _network(request, slug, "network.manage")
    return edit_page(
        request,
        network,
        lambda data, instance: NetworkForm(data, instance=instance),
        network=network,
        template="networks/network_form.html",
        context={"network": network},
        saved=_("The network's details were saved."),
        after=network.get_absolute_url(),
    )
