from . import test_commitment
from . import test_complaint
from . import test_drivers
from . import test_journey_step
from . import test_survey_campaign
from . import test_transparent_quote
from . import test_ui
from . import test_trust_commitment
