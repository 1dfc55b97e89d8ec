from . import symetrie_order_step_wizard
from . import symetrie_bill_hold_wizard
