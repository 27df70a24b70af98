"""Permission rules of the toolkit (see erasmi.core.permissions).

Published units and method cards are public; drafts are seen by editors only. A learner's progress and
reflection notes belong to the learner: the views read them only for ``request.user``.
"""

from erasmi.core.permissions import is_editor, rule
from erasmi.learning.models import Status


@rule("toolkit.view")
def view(user, item):
    return item.status == Status.PUBLISHED or is_editor(user)


@rule("toolkit.edit")
def edit(user, _item):
    return is_editor(user)
