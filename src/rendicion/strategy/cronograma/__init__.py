"""The cronograma as a spreadsheet: the layout staff export, edit and import back.

Reading and checking rows is pure (no database); strategy.services.cronograma_import stores.
Split into the layout, the export and the reader.
"""

from .export import (
    EXPORT_TYPES,
    CronogramaExporter,
    cronograma_export_rows,
    cronograma_xlsx_write,
)
from .layout import (
    COLUMNS,
    LIST_SEPARATORS,
    SHEET_TITLE,
    CellError,
    CronogramaFileError,
    CronogramaRow,
)
from .read import cronograma_xlsx_read

__all__ = [
    "COLUMNS",
    "EXPORT_TYPES",
    "LIST_SEPARATORS",
    "SHEET_TITLE",
    "CellError",
    "CronogramaExporter",
    "CronogramaFileError",
    "CronogramaRow",
    "cronograma_export_rows",
    "cronograma_xlsx_read",
    "cronograma_xlsx_write",
]
