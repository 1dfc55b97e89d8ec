from . import test_evaluation_axis
