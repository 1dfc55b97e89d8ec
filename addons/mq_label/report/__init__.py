from . import mq_driver_report
