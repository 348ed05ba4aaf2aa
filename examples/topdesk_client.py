#!/usr/bin/env python3
"""A TOPdesk-like system working Plein's ICT requests through the API (docs/api.md).

    PLEIN_URL=https://plein.gemeente.example PLEIN_TOKEN=plein_… python examples/topdesk_client.py

It reads the new ICT requests, takes the oldest one, records its own ticket number, sets it to
"in behandeling" and then to "afgerond" with a reply; the employee gets both messages by mail and
sees them under Mijn aanvragen. Every change sends the version it read (If-Match), so a change made
in the meantime (in Plein's admin, say) is refused with 409 instead of being overwritten.

Only the standard library and `requests`; tests/api/test_topdesk_example.py runs these functions
against Plein's test client.
"""

import os
import sys


class PleinError(Exception):
    def __init__(self, response):
        body = response.json() if response.headers.get("Content-Type", "").startswith("application/json") else {}
        super().__init__(f"{response.status_code}: {body.get('detail_en') or body}")
        self.status = response.status_code
        self.body = body


class Plein:
    def __init__(self, base_url, token, http=None):
        if http is None:
            import requests

            http = requests.Session()
        self.base = base_url.rstrip("/") + "/api/v1"
        self.http = http
        self.headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}

    def _call(self, method, path, *, json=None, params=None, version=None):
        headers = dict(self.headers)
        if version is not None:
            headers["If-Match"] = f'"{version}"'
        response = self.http.request(method, self.base + path, json=json, params=params, headers=headers, timeout=30)
        if not 200 <= response.status_code < 300:
            raise PleinError(response)
        return response.json()

    def new_requests(self, department="ICT"):
        """Every request still "ontvangen" at the department, following the cursor to the end."""
        found, params = [], {"status": "ontvangen", "department": department, "page_size": 100}
        path = "/requests"
        while True:
            page = self._call("GET", path, params=params)
            found += page["results"]
            if not page["next"]:
                return found
            params = {**params, "cursor": _query_value(page["next"], "cursor")}

    def set_ticket(self, request, ticket):
        return self._call(
            "PUT",
            f"/requests/{request['reference']}/external-ticket",
            json={"external_ticket": ticket},
            version=request["version"],
        )

    def set_status(self, request, status, reply=""):
        return self._call(
            "POST",
            f"/requests/{request['reference']}/responses",
            json={"status": status, "reply": reply},
            version=request["version"],
        )


def _query_value(url, name):
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(url).query)[name][0]


def work_one(plein, ticket_number, reply):
    """Take the oldest new ICT request through TOPdesk's steps; returns it as it ends, or None."""
    waiting = plein.new_requests("ICT")
    if not waiting:
        return None
    request = min(waiting, key=lambda item: item["submitted_at"])
    request = plein.set_ticket(request, ticket_number)
    request = plein.set_status(request, "in_behandeling", "Uw melding staat in TOPdesk onder " + ticket_number + ".")
    return plein.set_status(request, "afgerond", reply)


def main():
    plein = Plein(os.environ["PLEIN_URL"], os.environ["PLEIN_TOKEN"])
    done = work_one(plein, os.environ.get("TICKET", "I2612-0001"), "Opgelost: de printer is vervangen.")
    print(f"{done['reference']}: {done['status']}" if done else "Geen nieuwe ICT-aanvragen.")


if __name__ == "__main__":
    sys.exit(main())
