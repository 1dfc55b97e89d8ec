from . import symetrie_evaluation_axis
