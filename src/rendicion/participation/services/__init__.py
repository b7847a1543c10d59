"""Every write to attendances and evaluations, split by sub-domain: one record at a time (public
forms, staff capture), spreadsheet imports, and a person's data (Ley 1581)."""

from ..importing import ImportRefused
from .evaluation_imports import (
    evaluation_import,
    evaluation_import_confirm,
    evaluation_import_stage,
)
from .imports import (
    ImportResult,
    ImportStage,
    attendance_import,
    attendance_import_confirm,
    attendance_import_stage,
    attendance_import_stages_expire,
)
from .personal_data import (
    ATTENDANCE_PERSONAL_FIELDS,
    attendance_contact_personal_data_erase,
    attendance_contact_unsubscribe,
    attendance_personal_data_erase,
    attendance_personal_data_rectify,
    evaluation_personal_data_erase,
)
from .records import (
    AttendanceData,
    EvaluationData,
    RecordResult,
    attendance_record,
    attendance_submit,
    evaluation_record,
    evaluation_submit,
)

__all__ = [
    "ATTENDANCE_PERSONAL_FIELDS",
    "AttendanceData",
    "EvaluationData",
    "ImportRefused",
    "ImportResult",
    "ImportStage",
    "RecordResult",
    "attendance_contact_personal_data_erase",
    "attendance_contact_unsubscribe",
    "attendance_import",
    "attendance_import_confirm",
    "attendance_import_stage",
    "attendance_import_stages_expire",
    "attendance_personal_data_erase",
    "attendance_personal_data_rectify",
    "attendance_record",
    "attendance_submit",
    "evaluation_import",
    "evaluation_import_confirm",
    "evaluation_import_stage",
    "evaluation_personal_data_erase",
    "evaluation_record",
    "evaluation_submit",
]
