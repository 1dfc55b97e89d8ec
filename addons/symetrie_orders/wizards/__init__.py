from . import symetrie_order_step_wizard
