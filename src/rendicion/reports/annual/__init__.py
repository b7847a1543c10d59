"""The annual follow-up report: typed sections (`sections`) built from the records (`build`)."""

from .build import annual_report
from .sections import JSON_KEYS, AnnualReport

__all__ = ["JSON_KEYS", "AnnualReport", "annual_report"]
