"""Who may fetch a notice-board photo by its direct URL (/media/prikbord/...).

A live post's photos are for every employee; once the post is removed, expired or done only its
author and the notice board's moderators still see them, as with the post itself. One indexed lookup
by the stored path; a file no photo claims is for nobody.
"""

from prikbord.models import Photo


def can_view_board_photo(user, path):
    if not path.startswith("prikbord/"):
        return None
    if not user.is_authenticated:
        return False
    photo = Photo.objects.select_related("post").filter(image=path).first()
    return photo is not None and photo.post.user_can_view(user)
