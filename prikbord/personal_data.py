"""What prikbord/ holds about a person: their notice-board items with photos, and moderation by them."""

import posixpath

from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment

from intranet.personal_data import Exported, Kind, delete_files_on_commit, iso, unlink
from prikbord.models import Photo, Post
from social.models import Like


def _posts_export(user):
    records, files = [], []
    for post in Post.objects.filter(author=user).prefetch_related("photos"):
        photos = []
        for photo in post.photos.all():
            name = f"{post.pk}-{photo.pk}{posixpath.splitext(photo.image.name)[1]}"
            photos.append(name)
            files.append((name, photo.image))
        records.append(
            {
                "category": post.category,
                "title": post.title,
                "text": post.text,
                "price": str(post.price) if post.price is not None else None,
                "status": post.status,
                "posted_at": iso(post.created_at),
                "expires_at": iso(post.expires_at),
                "photos": photos,
            }
        )
    return Exported(records=records, files=files)


def _posts_erase(user, erasure):
    # Items for sale are no conversation: they go, kept or not, with their photos and comments.

    posts = Post.objects.filter(author=user)
    ids = list(posts.values_list("pk", flat=True))
    delete_files_on_commit([photo.image for photo in Photo.objects.filter(post_id__in=ids)])
    content_type = ContentType.objects.get_for_model(Post)
    XtdComment.objects.filter(content_type=content_type, object_pk__in=[str(pk) for pk in ids]).delete()
    Like.objects.filter(content_type=content_type, object_id__in=ids).delete()
    return posts.delete()[0]


def _moderated_export(user):
    return Exported(
        records=[
            {"item": p.pk, "reason": p.moderation_reason, "at": iso(p.moderated_at)}
            for p in Post.objects.filter(moderated_by=user)
        ]
    )


KINDS = [
    Kind(
        "prikbord.items",
        "Notice-board items with their photos.",
        ("prikbord.Post.author",),
        _posts_export,
        _posts_erase,
    ),
    Kind(
        "prikbord.moderation",
        "Notice-board items taken down as a moderator.",
        ("prikbord.Post.moderated_by",),
        _moderated_export,
        unlink(Post, "moderated_by"),
    ),
]
