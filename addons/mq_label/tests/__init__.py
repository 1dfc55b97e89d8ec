from . import test_journey_step
from . import test_ui
