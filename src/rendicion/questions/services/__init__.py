"""Every write of the questions app, split by sub-domain: topics, questions, answers, notices."""

from .answers import (
    answer_approve,
    answer_publish,
    answer_report_publish,
    answer_request_changes,
    answer_save_draft,
    answer_submit,
)
from .notices import NoticeResult, notices_send, office_recipients, reminder_days
from .personal_data import (
    question_personal_data_erase,
    question_personal_data_rectify,
    topic_personal_data_erase,
)
from .questions import (
    QuestionData,
    QuestionResult,
    question_due_dates_recompute,
    question_extend,
    question_kind_set,
    question_receive,
    question_return,
    question_route,
    question_submit,
    question_text_clean,
)
from .topics import TopicReview, topic_merge, topic_propose, topic_review

__all__ = [
    "NoticeResult",
    "QuestionData",
    "QuestionResult",
    "TopicReview",
    "answer_approve",
    "answer_publish",
    "answer_report_publish",
    "answer_request_changes",
    "answer_save_draft",
    "answer_submit",
    "notices_send",
    "office_recipients",
    "question_due_dates_recompute",
    "question_extend",
    "question_kind_set",
    "question_personal_data_erase",
    "question_personal_data_rectify",
    "question_receive",
    "question_return",
    "question_route",
    "question_submit",
    "question_text_clean",
    "reminder_days",
    "topic_merge",
    "topic_personal_data_erase",
    "topic_propose",
    "topic_review",
]
