from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from intranet import throttle
from intranet.client_ip import client_ip


class LoginForm(AuthenticationForm):
    """The login form with the autocomplete hints password managers and screen readers need."""

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean(self):
        # axes counts a failure only after the (slow, on purpose) password check, so thirty guesses sent
        # at once would all be checked; this counter goes up atomically before any check is made.
        username = (self.cleaned_data.get("username") or "").strip().lower()
        who = f"{client_ip(self.request)}|{username}" if username and self.request is not None else None
        if who:
            throttle.hit(
                who, "login", message=_("Too many login attempts in a short time. Wait a minute and try again.")
            )
        cleaned = super().clean()
        if who:
            throttle.forget(who, "login")  # the right password: earlier tries no longer count
        return cleaned
