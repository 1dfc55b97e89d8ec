from . import symetrie_order_step_wizard
from . import symetrie_bill_hold_wizard
from . import symetrie_extra_work_refuse_wizard
