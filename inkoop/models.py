"""The models of the process packages, loaded for Django's app registry (app label "inkoop").

Code imports models from their own package (`inkoop.sessies.models`, ...), never from here.
"""

from inkoop.api.models import *  # noqa: F403
from inkoop.besluitvorming.models import *  # noqa: F403
from inkoop.core.eenmalig import FormulierToken  # noqa: F401
from inkoop.openbaar.models import *  # noqa: F403
from inkoop.overzicht.models import *  # noqa: F403
from inkoop.pdf.models import *  # noqa: F403
from inkoop.sessies.models import *  # noqa: F403
from inkoop.trajecten.models import *  # noqa: F403
from inkoop.uitwisseling.models import *  # noqa: F403
