from . import mq_journey_step
