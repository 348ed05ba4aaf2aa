"""Rooms' jobs: booking invitations (cancellations go as prepared mails: their booking is gone)."""

from intranet.jobs import job
from rooms.invitations import send_invitations as send


@job()
def send_invitations(booking_ids, done=()):
    return send(booking_ids, done=done)
