"""The homepage nudge: how complete my profile is and the one thing to add next (gone at 100%)."""

from intranet.plugins import HomeBlock
from people import routing, selectors


def blocks(request):
    if not request.user.is_authenticated:
        return []
    person, missing = selectors.nudge_for(request.user, request)
    if person is None or missing is None:
        return []
    context = {"person": person, "missing": missing, "edit_url": routing.edit_url(person)}
    return [HomeBlock(key="people.nudge", template="people/home/nudge.html", context=context, order=10)]
