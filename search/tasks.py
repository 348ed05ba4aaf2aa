"""Search's jobs: re-indexing the rows a large change touched (an HR import), in the worker."""

from django.apps import apps
from wagtail.search.backends import get_search_backend

from intranet.jobs import job


@job()
def reindex(app_label, model_name, pks):
    """Index these rows afresh, in one bulk call. Safe to repeat: indexing is an upsert."""
    model = apps.get_model(app_label, model_name)
    objects = model.objects.filter(pk__in=pks)
    if hasattr(model, "expertise"):
        objects = objects.prefetch_related("expertise")  # what a person's index entry reads: one query
    get_search_backend().add_bulk(model, list(objects))
    return len(pks)
