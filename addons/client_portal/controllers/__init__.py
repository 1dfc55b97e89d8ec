from . import contractor_portal
from . import tenant_tracking
from . import landlord_rating
from . import house_portal
from . import complaint_portal
from . import evaluation_reply
from . import visit_slots
from . import intervention_report
