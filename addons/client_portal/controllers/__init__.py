from . import contractor_portal
from . import tenant_tracking
