"""Who may do what with a network's info mail (see erasmi.core.permissions)."""

from erasmi.core.permissions import rule
from erasmi.networks.rules import manage, role_in


@rule("mailing.compose")
def compose(user, network):
    """Coordinators, and the members they allowed, write news and compose and send the network's mails."""
    if manage(user, network):
        return True
    if role_in(user, network) is None:
        return False
    from erasmi.mailings.models import MailEditor

    return MailEditor.objects.filter(network=network, person__user=user).exists()


@rule("mailing.read")
def read(user, mailing):
    """The archive: public mailings for everyone once sent; members-only ones for the network's members."""
    from erasmi.mailings.models import Mailing
    from erasmi.networks.rules import view_internal

    if mailing.state != Mailing.State.SENT:
        return compose(user, mailing.network)
    return mailing.visibility == Mailing.Visibility.PUBLIC or view_internal(user, mailing.network)
