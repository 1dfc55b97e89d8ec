from . import symetrie_trade
