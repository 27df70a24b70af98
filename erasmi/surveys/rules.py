"""Who may build, answer and read a survey (see erasmi.core.permissions)."""

from erasmi.core.permissions import rule
from erasmi.networks.models import WorkingGroup
from erasmi.networks.rules import manage, view_internal


@rule("survey.manage")
def manage_survey(user, survey):
    """Coordinators build surveys and read the results."""
    return manage(user, survey.network)


@rule("survey.answer")
def answer(user, survey):
    """The audience answers while the survey is open: the network's members, or a working group's."""
    if not survey.is_open() or not view_internal(user, survey.network):
        return False
    if survey.audience == survey.Audience.GROUP:
        if not survey.working_group_id:
            return False
        return WorkingGroup.objects.filter(pk=survey.working_group_id, members__user=user).exists() or (
            survey.working_group.lead_id is not None and survey.working_group.lead.user_id == user.pk
        )
    return True
