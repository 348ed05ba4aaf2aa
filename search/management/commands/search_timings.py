"""Time many searches and suggestions through the full Django stack (no network) and print p50/p95.

    python manage.py search_timings --queries 300

Queries come from the data itself: last names, first-name prefixes of 2-5 letters as someone types,
words from service titles and a few misspellings. Nothing is written except the usual search
statistics rows (delete them afterwards with --forget).
"""

import random
import statistics
import time
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from intranet.numbers import percentile
from people.models import Person
from search.models import DailyClick, DailyQuery
from search.services import forget_results


class Command(BaseCommand):
    help = "Measure p50/p95 of search results and suggestions over many queries."

    def add_arguments(self, parser):
        parser.add_argument("--queries", type=int, default=200)
        parser.add_argument("--username", default="medewerker")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--forget", action="store_true", help="delete the statistics rows written today")
        parser.add_argument(
            "--cold",
            action="store_true",
            help="start a new search cache generation before every request (no cache hits)",
        )

    def sample_queries(self, count, rng):
        names = list(
            Person.objects.filter(is_active=True).order_by("?")[: count * 2].values_list("first_name", "last_name")
        )
        titles = list(Page.objects.live().filter(depth__gt=2).order_by("?")[:count].values_list("title", flat=True))
        words = [word.lower() for title in titles for word in title.split() if len(word) > 3]
        queries = []
        for index in range(count):
            first, last = names[index % len(names)]
            choice = index % 5
            if choice == 0:
                queries.append(last)
            elif choice == 1:
                queries.append(first[: rng.randint(2, 5)])
            elif choice == 2:
                queries.append(f"{first} {last[:3]}")
            elif choice == 3 and words:
                queries.append(rng.choice(words))
            else:
                word = last.lower()
                position = rng.randrange(1, max(2, len(word) - 1))
                queries.append(word[:position] + word[position + 1 :])  # a letter dropped
        return queries

    def timed(self, client, url, queries, cold=False):
        timings = []
        for text in queries:
            if cold:
                forget_results()
            started = time.perf_counter()
            response = client.get(f"{url}?{urlencode({'q': text})}", HTTP_HOST="127.0.0.1")
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, text, response.status_code)
        return timings

    def handle(self, *args, queries, username, seed, forget, cold, **options):
        rng = random.Random(seed)
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        sample = self.sample_queries(queries, rng)
        for url in (reverse("search:suggestions"), reverse("search:results")):  # warm caches
            self.timed(client, url, sample[:10])
        people = Person.objects.count()
        pages = Page.objects.count()
        self.stdout.write(
            f"{people:,} people, {pages:,} pages, {len(sample)} queries{', no cache hits' if cold else ''}"
        )
        self.stdout.write("| endpoint | p50 (ms) | p95 (ms) | max (ms) | mean (ms) |")
        self.stdout.write("|---|---:|---:|---:|---:|")
        for label, url in (("suggestions", reverse("search:suggestions")), ("results", reverse("search:results"))):
            timings = self.timed(client, url, sample, cold)
            self.stdout.write(
                f"| {label} | {percentile(timings, 50):.1f} | {percentile(timings, 95):.1f} | "
                f"{max(timings):.1f} | {statistics.mean(timings):.1f} |"
            )
        if forget:
            DailyQuery.objects.filter(day=timezone.localdate()).delete()
            DailyClick.objects.filter(day=timezone.localdate()).delete()
