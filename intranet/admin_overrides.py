"""Admin URLs that replace one of Wagtail's own at the same address (mounted before Wagtail's admin).

Wagtail has no hook for a few admin views that list pages (the chooser's "chosen" lookup, the page
types report); an app that must filter them registers a replacement with the
`register_admin_url_overrides` hook, returning path() patterns relative to /admin/. They get the
same admin-access check as Wagtail's own.
"""

from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

urlpatterns = []
for register in hooks.get_hooks("register_admin_url_overrides"):
    urlpatterns += register() or []

urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
