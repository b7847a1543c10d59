"""The self-assessment as a spreadsheet: one row per item (stage, category, item, optional weight,
score, note, evidence) and a «Calificación» sheet with the threshold and the levels.

The same layout serves a template (scores empty) and a filled assessment. Reading and checking is
pure (no database); assessment.services stores. Split into the layout, the reader and the writer.
"""

from .layout import (
    BAND_HEADERS,
    COLUMNS,
    DEFAULT_BANDS,
    ITEMS_SHEET,
    MAX_ITEMS,
    MAX_LABEL,
    MAX_NAME,
    RESULTS_SHEET,
    SETTINGS_SHEET,
    THRESHOLD_LABEL,
    AssessmentFileError,
    AssessmentRow,
    AssessmentSheet,
    CellError,
)
from .read import assessment_xlsx_read
from .write import assessment_xlsx_write

__all__ = [
    "BAND_HEADERS",
    "COLUMNS",
    "DEFAULT_BANDS",
    "ITEMS_SHEET",
    "MAX_ITEMS",
    "MAX_LABEL",
    "MAX_NAME",
    "RESULTS_SHEET",
    "SETTINGS_SHEET",
    "THRESHOLD_LABEL",
    "AssessmentFileError",
    "AssessmentRow",
    "AssessmentSheet",
    "CellError",
    "assessment_xlsx_read",
    "assessment_xlsx_write",
]
