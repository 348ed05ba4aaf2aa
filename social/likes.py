"""Who liked what, kept per liked object: a page with twenty comments and their like buttons reads
every summary in one cache round trip instead of a query joining likes to people (issue 20).

Each object's summary hangs on its own generation (`likes:<content type>:<pk>`), bumped by every like
and unlike (social.signals), on LIKES_GENERATION for bulk writes that send no signals (the seeds), and
on the people generation (the names it shows). The reader's own "liked" comes from the ids kept with
it, so the summary is the same for every reader.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from intranet import caching
from people.signals import GENERATION as PEOPLE_GENERATION
from social.models import Like

LIKES_GENERATION = "likes"
LIKES_SECONDS = 600


@dataclass
class LikeSummary:
    count: int = 0
    liked: bool = False
    names: list = field(default_factory=list)  # who liked, in order of liking


def _slot(content_type_id, object_id):
    return caching.Slot(f"likes:{content_type_id}:{object_id}", ("summary",), (LIKES_GENERATION, PEOPLE_GENERATION))


def likes_slot(obj):
    """Where `obj`'s summary is kept, for caching.prefetch()."""
    return _slot(ContentType.objects.get_for_model(obj).pk, obj.pk)


def _read(keys):
    """{(content_type_id, pk): (liker ids, names)} for these objects, from one query."""
    by_type = {}
    for content_type_id, pk in keys:
        by_type.setdefault(content_type_id, set()).add(pk)
    condition = Q()
    for content_type_id, pks in by_type.items():
        condition |= Q(content_type_id=content_type_id, object_id__in=pks)
    rows = (
        Like.objects.filter(condition)
        .order_by("created_at", "pk")
        .values_list(
            "content_type_id",
            "object_id",
            "user_id",
            "user__person__first_name",
            "user__person__tussenvoegsel",
            "user__person__last_name",
            "user__username",
        )
    )
    found = {key: ([], []) for key in keys}
    for content_type_id, object_id, user_id, first, tussen, last, username in rows:
        ids, names = found[(content_type_id, object_id)]
        ids.append(user_id)
        names.append(" ".join(part for part in (first, tussen, last) if part) or username)
    return {key: (tuple(ids), tuple(names)) for key, (ids, names) in found.items()}


def like_summary(objects, user):
    """Counts, 'did I like it' and who liked, for many objects at once: one cache round trip, and one
    query for those not kept."""
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return {}
    keys = {(ContentType.objects.get_for_model(obj).pk, obj.pk) for obj in objects}
    kept = caching.keep_many({key: _slot(*key) for key in keys}, _read, ttl=LIKES_SECONDS)
    return {
        key: LikeSummary(count=len(ids), liked=user.pk in ids, names=list(names)) for key, (ids, names) in kept.items()
    }


def likes_changed(sender, instance, **kwargs):
    """A like made or taken back: that object's summary is stale."""
    caching.bump(_slot(instance.content_type_id, instance.object_id).name)


def likes_changed_in_bulk():
    """After bulk_create or a queryset update of likes (no signals): every summary is stale."""
    caching.bump(LIKES_GENERATION)
