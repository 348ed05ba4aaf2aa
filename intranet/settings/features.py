"""The feature apps' settings: comments, the throttle limits, privacy periods (docs/social.md,
docs/privacy.md). Each can be set by environment."""

import os

# --- social ---
# Only logged-in employees comment (xtd reads this at start-up); our own views do the posting.
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {"who_can_post": "users", "allow_flagging": True, "allow_feedback": False, "show_feedback": False}
}
COMMENTS_XTD_THREADED_EMAILS = False
COMMENT_MAX_LENGTH = 3000
SOCIAL_COMMENTS_PER_MINUTE = int(os.environ.get("SOCIAL_COMMENTS_PER_MINUTE", "5"))
# A post notifies at most this many @mentioned colleagues; above it the post is refused (spam).
MENTIONS_PER_TEXT = int(os.environ.get("MENTIONS_PER_TEXT", "10"))
# intranet/throttle.py: per person and action, at most n per "minute"/"hour"/"day" (counted in the cache).
# Far above what a person does; comments' per-minute limit is SOCIAL_COMMENTS_PER_MINUTE.
THROTTLE_LIMITS = {
    "comment": {"hour": 120},
    "team_post": {"minute": 10, "hour": 60},
    "board_post": {"minute": 5, "hour": 30},
    "team_invite": {"minute": 20, "hour": 50},
    "join_request": {"minute": 5, "hour": 20},
    "request": {"minute": 5, "hour": 30},
    "room_invite": {"minute": 10, "hour": 60},
    # A message to an event's attendees notifies (and may mail) each of them.
    "event_message": {"minute": 2, "hour": 10, "day": 30},
    # Per event: "time or place changed" notices to those signed up (the change itself is always saved).
    "event_change": {"hour": 3, "day": 6},
    # Per API token: replies to requests, each mailed to the employee (on top of the token's "api" limit).
    "api_request_reply": {"minute": 20, "hour": 200},
    # Each new like notifies (and may mail) its author.
    "like": {"minute": 30, "hour": 300},
    # Per client address and username: login attempts, counted before the password is checked.
    "login": {"minute": 10},  # the message promises a minute; axes' lockout covers the longer run
    # Per client address: starting an SSO login (each start keeps a state in a new session).
    "sso_start": {"minute": 30, "hour": 300},
    # "Mijn gegevens": building an export is heavy work and ends in a notification.
    "privacy_export": {"hour": 3, "day": 5},
    # Per API token or employee session (api/auth.py): calls of every kind.
    "api": {"minute": 120, "hour": 3000},
    # Per API token: archive packages, each a ZIP built in memory (on top of the "api" limit).
    "api_archive": {"minute": 2, "hour": 30},
}

# --- api (docs/api.md) ---
# Days the API's call log and webhook delivery log are kept.
API_LOG_DAYS = int(os.environ.get("API_LOG_DAYS", "90"))
# Webhook receivers on loopback/private addresses (and http://) are refused unless this is set (SSRF).
API_WEBHOOK_ALLOW_PRIVATE = os.environ.get("API_WEBHOOK_ALLOW_PRIVATE", "0") == "1"
# CA certificates webhook receivers' TLS is checked against (a file or folder, e.g. the organisation's
# internal CA); deliveries ignore REQUESTS_CA_BUNDLE (no environment: api.webhooks.post_pinned).
API_WEBHOOK_CA_BUNDLE = os.environ.get("API_WEBHOOK_CA_BUNDLE") or True

# --- privacy (docs/privacy.md) ---
# Days a finished data export can be downloaded; its ZIP is deleted after that.
PRIVACY_EXPORT_DAYS = int(os.environ.get("PRIVACY_EXPORT_DAYS", "7"))
# Days after the HR import deactivated someone before the leavers' job erases their personal data.
PRIVACY_LEAVER_GRACE_DAYS = int(os.environ.get("PRIVACY_LEAVER_GRACE_DAYS", "30"))
# Keep a leaver's team posts and comments (as "Oud-collega") for the conversation, or remove them.
PRIVACY_KEEP_CONTENT = os.environ.get("PRIVACY_KEEP_CONTENT", "1") == "1"
# Days technical data is kept: comment IP addresses, login logs, ended sessions, finished job rows.
PRIVACY_TECHNICAL_RETENTION_DAYS = int(os.environ.get("PRIVACY_TECHNICAL_RETENTION_DAYS", "30"))
# Stored in place of an erased person's name (in the database, so not translated per reader).
PRIVACY_FORMER_COLLEAGUE = "Oud-collega"

# --- must-read (docs/mustread.md, docs/privacy.md) ---
# Page types editors may mark as "verplicht gelezen" (app_label.ModelName).
MUSTREAD_PAGE_TYPES = ["news.NewsPage"]
# Whether editors and community managers see the names of everyone who has not confirmed (the works
# council decides; managers always see their own reports'). Off by default.
MUSTREAD_SHOW_NAMES = os.environ.get("MUSTREAD_SHOW_NAMES", "0") == "1"
# The one reminder goes out this many days before the deadline.
MUSTREAD_REMINDER_DAYS = int(os.environ.get("MUSTREAD_REMINDER_DAYS", "2"))
# Confirmations of versions no longer asked are deleted after this many days (7 years: an audit period).
MUSTREAD_RETENTION_DAYS = int(os.environ.get("MUSTREAD_RETENTION_DAYS", str(7 * 365)))
