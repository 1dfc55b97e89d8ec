from . import contractor_portal
from . import tenant_tracking
from . import landlord_rating
