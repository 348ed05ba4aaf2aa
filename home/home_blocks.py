"""The homepage's own blocks: new colleagues and the header photo of the month."""

from home import selectors
from intranet.plugins import HomeBlock


def blocks(request):
    if not request.user.is_authenticated:
        return []
    return [
        HomeBlock(
            key="home.new_colleagues",
            template="home/blocks/new_colleagues.html",
            context={"people": selectors.new_colleagues()},
            order=50,
        ),
        HomeBlock(key="home.header_photo", template="home/blocks/header_photo.html", order=60),
    ]
