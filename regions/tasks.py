"""Invitations leave the request: the mail server may be slow or away."""

from smtplib import SMTPException

from celery import shared_task

from . import services


@shared_task(
    name=services.UITNODIGING_TAAK,
    acks_late=True,
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def uitnodiging_versturen(toewijzing_id: int) -> bool:
    return services.uitnodiging_versturen(toewijzing_id)
