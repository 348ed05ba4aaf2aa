from django.conf import settings


def plein(request):
    """What the base layout needs on every page, without a query."""
    return {"PLEIN_SITE_NAME": settings.WAGTAIL_SITE_NAME}
