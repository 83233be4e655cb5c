"""schemathesis against the OpenAPI schema: no server error, and every response matches the
schema (issue 15). Few examples per operation, so it stays quick."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from inkoop.api import services
from inkoop.demo.demodata import demo_laden
from inkoop.wsgi import application
from regions.constants import Rol
from regions.models import Regio

pytestmark = pytest.mark.django_db


@pytest.fixture
def sleutel():
    gebruikers = demo_laden()["gebruikers"]
    _, sleutel = services.sleutel_uitgeven(
        door=gebruikers["beheerder"], naam="Schematest", regios=Regio.objects.all(),
        rol=Rol.SECRETARIS,
    )  # fmt: skip
    return sleutel


@pytest.fixture
def api_schema(db):
    # The WSGI app runs in this thread, inside the test's transaction: keep Django from
    # closing that connection at the end of each request (as its test client does).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_api_volgt_het_schema(api_schema, sleutel, settings):
    settings.API_LIMIET = "100000/min"
    getoetst = []
    for resultaat in api_schema.get_all_operations():
        operatie = resultaat.ok()

        @given(case=operatie.as_strategy())
        @hsettings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
        def toetsen(case):
            case.call_and_validate(
                headers={"Authorization": f"Bearer {sleutel}"},
                checks=[not_a_server_error, response_schema_conformance],
            )

        toetsen()
        getoetst.append(operatie.label)
    assert any("POST /api/v1/sessies/{id}/inbreng/" in label for label in getoetst), getoetst
    assert len(getoetst) >= 20
