"""Citizens' data rights (Ley 1581 de 2012, Decreto 1377 de 2013): requests with their legal
terms, and finding, exporting and erasing one person's data across the apps that hold it.

Each app reads and writes its own records (`<entity>_personal_data_find/erase`); this package
only orchestrates them. Split by sub-domain: requests, records (find and export), erasure
(erase, retention and rectification).
"""

from .erasure import (
    RECORD_TYPES,
    EraseResult,
    RetentionResult,
    personal_data_erase,
    personal_data_rectify,
    personal_data_retention,
    retention_cutoff,
)
from .records import (
    DOCUMENT_MIN_DIGITS,
    EXPORT_COLUMNS,
    PersonRecords,
    person_query_clean,
    personal_data_export,
    personal_data_find,
)
from .requests import (
    DataRequestData,
    data_request_answer,
    data_request_due_dates_recompute,
    data_request_extend,
    data_request_receive,
    data_request_state_set,
)

__all__ = [
    "DOCUMENT_MIN_DIGITS",
    "EXPORT_COLUMNS",
    "RECORD_TYPES",
    "DataRequestData",
    "EraseResult",
    "PersonRecords",
    "RetentionResult",
    "data_request_answer",
    "data_request_due_dates_recompute",
    "data_request_extend",
    "data_request_receive",
    "data_request_state_set",
    "person_query_clean",
    "personal_data_erase",
    "personal_data_export",
    "personal_data_find",
    "personal_data_rectify",
    "personal_data_retention",
    "retention_cutoff",
]
