from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


class PleinCSPMiddleware(CSPMiddleware):
    """The strict front-end policy everywhere except the Wagtail admin, which gets its own.

    The admin still boots some widgets from inline scripts; relaxing the whole site for that would
    undo the front end's protection against injected script.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.CSP_ADMIN_PREFIXES):
            admin = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            return PolicyParts(default_config(admin), parts.update, parts.replace, parts.nonce)
        return parts
