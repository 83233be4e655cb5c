import time

import pytest
from django.urls import reverse

from inkoop.overzicht.models import Statuscontrole
from inkoop.overzicht.tasks import statuscontrole_beantwoorden


@pytest.mark.django_db
def test_statuscontrole_in_proces(client_als, adviseur, django_capture_on_commit_callbacks):
    client = client_als(adviseur)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("inkoop:statuscontrole_starten"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'id="statuscontrole"' in response.text
    assert "<html" not in response.text  # only the partial came back
    controle = Statuscontrole.objects.get()
    assert controle.beantwoord_op is not None
    pagina = client.get(reverse("inkoop:status"))
    assert "Worker antwoordt" in pagina.text


@pytest.mark.django_db
def test_statuscontrole_zonder_htmx_redirect(client_als, adviseur):
    response = client_als(adviseur).post(reverse("inkoop:statuscontrole_starten"))
    assert response.status_code == 302


@pytest.mark.django_db
def test_statuscontrole_is_idempotent():
    controle = Statuscontrole.objects.create()
    statuscontrole_beantwoorden(controle.pk)
    eerste = Statuscontrole.objects.get().beantwoord_op
    statuscontrole_beantwoorden(controle.pk)
    assert Statuscontrole.objects.get().beantwoord_op == eerste


@pytest.mark.django_db
def test_onbeantwoorde_controle_blijft_pollen(client_als, adviseur):
    controle = Statuscontrole.objects.create()
    response = client_als(adviseur).get(
        reverse("inkoop:statuscontrole", args=[controle.pk]), HTTP_HX_REQUEST="true"
    )
    assert 'hx-trigger="every 1s"' in response.text
    assert "Wacht op antwoord" in response.text


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_echte_worker_beantwoordt_statuscontrole(client_als, adviseur, settings):
    """CI: through Redis to the Celery worker that .ci/run started."""
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    client_als(adviseur).post(reverse("inkoop:statuscontrole_starten"))
    controle = Statuscontrole.objects.get()
    for _ in range(100):
        controle.refresh_from_db()
        if controle.beantwoord_op:
            break
        time.sleep(0.1)
    assert controle.beantwoord_op is not None, "de worker antwoordde niet binnen 10 s"
    assert controle.task_id
