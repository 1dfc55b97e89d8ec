from . import test_evaluation_axis
from . import test_evaluation
from . import test_scorecard
from . import test_query_count
from . import test_incentive
from . import test_demo_data
from . import test_views
from . import test_multi_company
