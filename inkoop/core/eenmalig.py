"""One-time form tokens: the same create form sent twice creates one row, and says so.

A create form carries, hidden, a fresh uuid (`EenmaligVeld`). The view saves inside
`eenmalig(form)`: in the same transaction as the create, the token is written to
`FormulierToken`, whose unique constraint lets it in once. A second POST with the same token
(a double click, a resent request, two tabs of one page) fails on that constraint, even at the
same moment on PostgreSQL (the second insert waits for the first transaction and then fails),
and raises `AlVerstuurd`: the view shows `AL_VERSTUURD` instead of creating a copy. When the
create itself fails (a refused rule, an invalid field), the token is rolled back with it, so the
form shown again can still be sent.

A POST without a token (a page from before this change, a command) is not guarded: nothing is
refused that worked before.
"""

import uuid
from contextlib import contextmanager

from django import forms
from django.contrib import messages
from django.db import IntegrityError, models, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django_htmx.http import HttpResponseClientRedirect

AL_VERSTUURD = "Dit formulier was al verstuurd; er is niets dubbel aangemaakt."
VELD = "formulier_token"


class FormulierToken(models.Model):
    """A create form that was handled: its token, once."""

    token = models.UUIDField(_("formuliertoken"), unique=True)
    gebruikt_op = models.DateTimeField(_("gebruikt op"), auto_now_add=True, db_index=True)

    class Meta:
        app_label = "inkoop"
        verbose_name = _("verstuurd formulier")
        verbose_name_plural = _("verstuurde formulieren")

    def __str__(self):
        return str(self.token)


class AlVerstuurd(Exception):
    """This create form was sent before: nothing was created again."""

    def __str__(self):
        return AL_VERSTUURD


class EenmaligVeld:
    """Form mixin: a form for a new row carries a fresh one-time token, hidden. An edit form
    (a ModelForm of an existing row) has none; edits are guarded by their revision instead."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is None or instance.pk is None:
            self.fields[VELD] = forms.UUIDField(
                widget=forms.HiddenInput, required=False, initial=uuid.uuid4
            )

    @property
    def formulier_token(self):
        """The token this bound form was sent with (None when it carried none or is invalid)."""
        if not self.is_bound or VELD not in self.fields:
            return None
        self.is_valid()  # cached: the view's own is_valid() does not validate twice
        return self.cleaned_data.get(VELD)


@contextmanager
def eenmalig(form):
    """Run the create in the body once per token of `form` (raises `AlVerstuurd`)."""
    token = getattr(form, "formulier_token", None)
    with transaction.atomic():
        if token is not None:
            try:
                with transaction.atomic():
                    FormulierToken.objects.create(token=token)
            except IntegrityError as exc:
                raise AlVerstuurd from exc
        yield


def al_verstuurd(request, url):
    """The answer to a create form sent again: the page with what the first send made, and the
    message; for HTMX a full navigation, since the fragment that was asked for is out of date."""
    messages.info(request, AL_VERSTUURD)
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def zonder_token(form) -> dict:
    """The cleaned data of a create form without its token, for a service that takes the
    form's fields as keywords."""
    return {k: v for k, v in form.cleaned_data.items() if k != VELD}
