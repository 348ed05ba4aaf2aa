"""Rooms' jobs: booking invitations (cancellations go as prepared mails: their booking is gone)."""

from intranet.jobs import job


@job()
def send_invitations(booking_ids, done=()):
    from rooms.invitations import send_invitations as send

    return send(booking_ids, done=done)
