"""Single sign-on with OpenID Connect (docs/sso.md): on only when a client id and an issuer are set.
base.py adds the backend, the session refresh and the logout form target when it is on."""

import os

from .base import env_bool

OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "").rstrip("/")
OIDC_DISCOVERY_URL = os.environ.get("OIDC_DISCOVERY_URL", "") or (
    f"{OIDC_ISSUER}/.well-known/openid-configuration" if OIDC_ISSUER else ""
)
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID and OIDC_DISCOVERY_URL)
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = "RS256"  # keys from the provider's JWKS (people/sso.py reads the endpoints from discovery)
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True  # the provider's logout needs it as id_token_hint
OIDC_TIMEOUT = int(os.environ.get("OIDC_TIMEOUT", "10"))
# Claims: the stable id (falls back to `sub`), the employee number, and the roles (or "groups").
OIDC_SUBJECT_CLAIM = os.environ.get("OIDC_SUBJECT_CLAIM", "oid")
OIDC_EMPLOYEE_NUMBER_CLAIM = os.environ.get("OIDC_EMPLOYEE_NUMBER_CLAIM", "employee_number")
OIDC_ROLES_CLAIM = os.environ.get("OIDC_ROLES_CLAIM", "roles")
# Unknown employees get an account only when this is on; otherwise the HR import makes them.
OIDC_CREATE_USERS = env_bool("OIDC_CREATE_USERS")
OIDC_CREATE_USER = False  # mozilla-django-oidc's own switch; Plein decides in people/sso.py
# Hide the local username/password form behind a link (it stays reachable for administrators).
OIDC_HIDE_LOCAL_LOGIN = env_bool("OIDC_HIDE_LOCAL_LOGIN")
# An SSO session is renewed at the provider (silently) at the latest after this many seconds.
OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS = int(os.environ.get("OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS", "900"))
OIDC_OP_LOGOUT_URL_METHOD = "people.sso.provider_logout_url"
OIDC_EXEMPT_URLS = ["oidc_authentication_init", "oidc_authentication_callback", "logout", "login"]
