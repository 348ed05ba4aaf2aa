"""A workday's mix for `make loadtest` (loadtest/cli.py starts locust with this file)."""

import json
import os
import random
import re
import time

from locust import HttpUser, between, constant, events, task

from loadtest.outcome import is_login_page

PLAN = json.loads(open(os.environ["LOADTEST_PLAN"]).read())  # noqa: SIM115
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Every request, one line: time, page, milliseconds, failed, why; the report reads errors per second.
LOG = open(os.environ["LOADTEST_LOG"], "a", buffering=1)  # noqa: SIM115


@events.request.add_listener
def _log(request_type, name, response_time, response_length, exception=None, **kwargs):
    why = "" if exception is None else str(exception).replace("\t", " ")[:80]
    LOG.write(f"{time.time():.3f}\t{name}\t{response_time:.1f}\t{int(exception is not None)}\t{why}\n")


class Employee(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        self.username = random.choice(PLAN["usernames"])  # noqa: S311 (load, not security)
        self.login()

    def login(self):
        page = self.client.get("/inloggen/", name="login form")
        token = CSRF.search(page.text or "")
        # Redirects followed: a login that worked ends on the homepage, one that failed on the form again.
        with self.client.post(
            "/inloggen/",
            {
                "username": self.username,
                "password": PLAN["password"],
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            name="login",
            headers={"Referer": self.host + "/inloggen/"},
            catch_response=True,
        ) as response:
            if response.status_code >= 400:
                response.failure(f"HTTP {response.status_code}")
            elif is_login_page(response):
                response.failure("login refused")
            else:
                response.success()

    def page(self, path, name):
        with self.client.get(path, name=name, catch_response=True, allow_redirects=False) as response:
            if is_login_page(response):
                response.failure("logged out")
                self.login()
            elif response.status_code == 503 and response.headers.get("Retry-After"):
                response.failure("503 friendly page")
            elif response.status_code >= 400:
                response.failure(f"HTTP {response.status_code}")
            else:
                response.success()
            return response

    def post(self, path, data, name):
        data = {**data, "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")}
        headers = {"Referer": self.host + "/", "X-CSRFToken": data["csrfmiddlewaretoken"]}
        with self.client.post(
            path, data, name=name, headers=headers, catch_response=True, allow_redirects=False
        ) as response:
            # A POST sent to the login page saved nothing: not a success, whatever its status.
            if is_login_page(response):
                response.failure("logged out")
                self.login()
            elif response.status_code >= 400 and response.status_code != 429:
                response.failure(f"HTTP {response.status_code}")
            else:
                response.success()

    @task(1)
    def reference(self):
        self.page(PLAN["reference"], "reference (/hulp/)")

    @task(6)
    def homepage(self):
        self.page("/", "homepage")

    @task(3)
    def search(self):
        self.page(f"/zoeken/?q={random.choice(PLAN['searches'])}", "search results")  # noqa: S311

    @task(2)
    def news(self):
        if PLAN["news"]:
            self.page(PLAN["news"]["url"], "news item")

    @task(2)
    def team(self):
        if PLAN["team"]:
            self.page(PLAN["team"], "team page")

    @task(1)
    def like(self):
        news = PLAN["news"]
        if news:
            self.post(f"/sociaal/leuk/{news['content_type']}/{news['pk']}/", {}, "like")

    @task(1)
    def comment(self):
        news = PLAN["news"]
        if news:
            text = f"Goed bericht, dank! ({random.randint(1, 10**6)})"  # noqa: S311
            self.post(f"/sociaal/reacties/{news['content_type']}/{news['pk']}/plaatsen/", {"comment": text}, "comment")

    @task(1)
    def request(self):
        form = PLAN["request_form"]
        if not form:
            return
        self.page(form["url"], "request form")
        data = {}
        for field in form["fields"]:
            if field["choices"]:
                data[field["name"]] = field["choices"][0]
            elif field["type"] in ("email",):
                data[field["name"]] = f"{self.username}@gemeente.example"
            elif field["type"] in ("number",):
                data[field["name"]] = "1"
            elif field["type"] in ("date",):
                data[field["name"]] = "2027-01-15"
            elif field["type"] == "checkbox":
                data[field["name"]] = "on"
            else:
                data[field["name"]] = "Graag geregeld, dank je."
        self.post(form["url"], data, "request (submit)")


# --storm N: N more users who do nothing but expensive searches, back to back (the outside test's
# "32 long searches"), to see whether they starve the employees' cheap pages.
STORM = int(os.environ.get("LOADTEST_STORM", "0"))
# Typos and rare words: every kind falls back to its typo search, the slowest path.
NONSENSE = ["kwarpel", "zonderlo", "blikvat", "treemol", "wispend", "gorkel"]
HEAVY_SEARCHES = ["declaratei", "zonnepanelne", "vergaderzaaal", "parkeervergunnnig", "ziekmeldne", "xq verlof jan"]


if STORM:

    class Searcher(HttpUser):
        wait_time = constant(0)
        fixed_count = STORM

        def on_start(self):
            self.username = random.choice(PLAN["usernames"])  # noqa: S311
            Employee.login(self)

        @task
        def long_search(self):
            # A made-up word makes every search new: no cached answer, the full cost each time.
            query = f"{random.choice(HEAVY_SEARCHES)} {random.choice(NONSENSE)}{random.randint(10, 99)}"  # noqa: S311
            with self.client.get(f"/zoeken/?q={query}", name="storm: long search", catch_response=True) as response:
                if is_login_page(response):
                    response.failure("logged out")
                    Employee.login(self)
                elif response.status_code >= 400:
                    response.failure(f"HTTP {response.status_code}")
