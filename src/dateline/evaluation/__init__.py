"""evaluation: `dateline eval`, the GOLD.md scorer (not a pipeline stage)."""

from dateline.evaluation.article import interval_right
from dateline.evaluation.report import (
    FileScore,
    Report,
    evaluate,
    format_report,
    load_gold,
    report_to_dict,
)
from dateline.evaluation.score import LAYERS, LayerScore, score_reading

__all__ = [
    "LAYERS",
    "FileScore",
    "LayerScore",
    "Report",
    "evaluate",
    "format_report",
    "interval_right",
    "load_gold",
    "report_to_dict",
    "score_reading",
]
