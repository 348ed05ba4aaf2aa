"""A real OpenID Connect provider (oidc-provider-mock) on the loopback address, for the SSO tests.

`provider.tamper` may change the ID token's claims before the token endpoint answers; the token is then
signed again with the provider's own key, so Plein sees a well-signed token with a wrong audience, an
expiry in the past or another nonce, through the whole real flow.
"""

import copy
import os
import threading
from urllib.parse import parse_qs, urlsplit

import flask
import jwt
import oidc_provider_mock
import requests
import werkzeug.serving

CLIENT_ID = "plein-test"


class Provider:
    def __init__(self):
        os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"  # plain HTTP on the loopback address
        app = oidc_provider_mock.app(require_nonce=True)
        app.after_request(self._after_request)
        self.tamper = None
        self.server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def _after_request(self, response):
        if self.tamper is None or flask.request.path != "/oauth2/token" or response.status_code != 200:
            return response
        body = response.get_json()
        header = jwt.get_unverified_header(body["id_token"])
        claims = jwt.decode(body["id_token"], options={"verify_signature": False})
        self.tamper(claims)
        key = jwt.PyJWK(flask.g.oidc_provider_mock_storage.jwk.as_dict(is_private=True)).key
        body["id_token"] = jwt.encode(
            claims, key, algorithm="RS256", headers={k: v for k, v in header.items() if k == "kid"}
        )
        response.set_data(flask.json.dumps(body))
        return response

    def set_user(self, sub, **claims):
        requests.put(f"{self.issuer}/users/{sub}", json=claims, timeout=5).raise_for_status()

    def authorize(self, authorize_url, sub, deny=False):
        """What the employee does at the provider: returns the URL it sends the browser back to."""
        data = {"action": "deny"} if deny else {"sub": sub}
        response = requests.post(authorize_url, data=data, allow_redirects=False, timeout=5)
        assert response.status_code == 302, response.text[:500]
        return response.headers["Location"]

    def configure(self, settings):
        """Plein's settings for this provider (pytest-django's `settings` fixture)."""
        settings.OIDC_ENABLED = True
        settings.OIDC_ISSUER = self.issuer
        settings.OIDC_DISCOVERY_URL = f"{self.issuer}/.well-known/openid-configuration"
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = "test-secret"
        settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "people.sso.PleinOIDCBackend"]
        middleware = list(settings.MIDDLEWARE)
        middleware.insert(
            middleware.index("django.contrib.messages.middleware.MessageMiddleware") + 1, "people.sso.SessionRefresh"
        )
        settings.MIDDLEWARE = middleware
        # As intranet/settings/base.py does: the logout form may end at the provider.
        for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_ADMIN"):
            policy = copy.deepcopy(getattr(settings, name))
            policy["DIRECTIVES"]["form-action"].append(self.issuer)
            setattr(settings, name, policy)


def query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
