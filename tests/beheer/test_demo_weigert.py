"""Issue 11, item 20: the commands that make users with a published password (`load_demo`
makes the superuser `beheerder` with the README password, `seed_scale` its own) refuse under
production settings unless DEBUG is on or --force is given."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.inkoop.test_schaal import KLEIN

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("commando", "argumenten"), [("load_demo", []), ("seed_scale", KLEIN)])
def test_weigert_onder_productie_instellingen(settings, commando, argumenten):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG staat uit"):
        call_command(commando, *argumenten, verbosity=0)
    assert not get_user_model().objects.exists()


def test_load_demo_draait_met_debug_of_force(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    assert get_user_model().objects.filter(username="beheerder").exists()
    settings.DEBUG = False
    call_command("load_demo", force=True, verbosity=0)  # idempotent, and allowed with --force
