from . import res_company
from . import res_config_settings
from . import symetrie_evaluation_axis
from . import symetrie_landlord_department
from . import symetrie_evaluation
from . import symetrie_evaluation_line
from . import symetrie_scorecard
from . import symetrie_scorecard_axis
