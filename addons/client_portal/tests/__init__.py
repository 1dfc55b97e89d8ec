from . import test_portal_settings
from . import test_access_matrix
from . import test_portal_input
from . import test_portal_tours
from . import test_landlord_rating
