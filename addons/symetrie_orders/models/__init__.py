from . import res_company
from . import res_config_settings
from . import symetrie_trade
from . import symetrie_building
from . import symetrie_dwelling
from . import symetrie_order_event
from . import purchase_order
