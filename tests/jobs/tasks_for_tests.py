"""Jobs the job tests queue: importable by path, as the worker imports every job it runs."""

from django.core.mail import EmailMessage

from intranet.jobs import job
from intranet.mail import send_batch

CALLS = []


@job(retries=2)
def flaky(label, failures=0):
    """Fails while fewer than `failures` calls were made with this label."""
    CALLS.append(label)
    if CALLS.count(label) <= failures:
        raise ConnectionRefusedError(f"{label}: mail server down")
    return label


@job()
def three_mails(done=()):
    messages = [(n, EmailMessage(f"Bericht {n}", "Hallo", to=[f"m{n}@gemeente.example"])) for n in range(3)]
    return send_batch(messages, done=done)
