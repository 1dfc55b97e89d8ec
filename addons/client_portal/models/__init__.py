from . import res_company
from . import res_config_settings
from . import res_partner
from . import purchase_order
from . import project_project
from . import mq_complaint
from . import sale_order
from . import survey_user_input
