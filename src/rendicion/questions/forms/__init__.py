"""Forms of topics, questions and answers: plain Spanish, one question per line, errors at the field.

Split into shared fields, public forms, staff forms of questions and staff forms of topics.
"""

from .fields import (
    DATE_WIDGET,
    STAFF_QUESTION_CHANNELS,
    STAFF_TOPIC_CHANNELS,
)
from .public import (
    QuestionForm,
    TopicForm,
)
from .staff import (
    AnswerForm,
    AnswerReportForm,
    ExtendForm,
    QuestionCaptureForm,
    QueueFilterForm,
    ReturnForm,
    ReviewForm,
    RouteForm,
)
from .topics import (
    TopicCaptureForm,
    TopicMergeForm,
    TopicReviewForm,
)

__all__ = [
    "DATE_WIDGET",
    "STAFF_QUESTION_CHANNELS",
    "STAFF_TOPIC_CHANNELS",
    "AnswerForm",
    "AnswerReportForm",
    "ExtendForm",
    "QuestionCaptureForm",
    "QuestionForm",
    "QueueFilterForm",
    "ReturnForm",
    "ReviewForm",
    "RouteForm",
    "TopicCaptureForm",
    "TopicForm",
    "TopicMergeForm",
    "TopicReviewForm",
]
