"""Reads of topics, questions and answers shared by pages, reports and commands.

No personal data leaves through the dataclasses that reports use; every function makes a fixed
number of queries whatever the amount of data. Split by sub-domain: what is public and the public
pages, the contracts reports use, the staff side, and one person's personal data.
"""

from .personal_data import (
    question_personal_data_expired,
    question_personal_data_find,
    topic_personal_data_expired,
    topic_personal_data_find,
)
from .public import (
    PUBLIC_TOPIC,
    PublicTopic,
    question_form_is_open,
    questions_public,
    space_outcomes_answers,
    topic_list_public,
    topics_public,
)
from .reports import (
    PublishedAnswer,
    TopicCounts,
    TopicSummary,
    answer_report_count_published,
    proposed_topic_count_for_year,
    proposed_topics_for_year,
    published_answer_rows,
    published_answers,
    question_counts,
    topics_by_space,
)
from .staff import (
    QUEUE_VIEWS,
    OfficeLoad,
    QueueCounts,
    office_choices,
    question_list_overdue,
    question_load_by_office,
    question_page,
    question_queryset,
    question_queue_counts,
    question_queue_filter,
    questions_for_user,
    topic_filter_for_user,
    topic_list_staff,
)

__all__ = [
    "PUBLIC_TOPIC",
    "QUEUE_VIEWS",
    "OfficeLoad",
    "PublicTopic",
    "PublishedAnswer",
    "QueueCounts",
    "TopicCounts",
    "TopicSummary",
    "answer_report_count_published",
    "office_choices",
    "proposed_topic_count_for_year",
    "proposed_topics_for_year",
    "published_answer_rows",
    "published_answers",
    "question_counts",
    "question_form_is_open",
    "question_list_overdue",
    "question_load_by_office",
    "question_page",
    "question_personal_data_expired",
    "question_personal_data_find",
    "question_queryset",
    "question_queue_counts",
    "question_queue_filter",
    "questions_for_user",
    "questions_public",
    "space_outcomes_answers",
    "topic_filter_for_user",
    "topic_list_public",
    "topic_list_staff",
    "topic_personal_data_expired",
    "topic_personal_data_find",
    "topics_by_space",
    "topics_public",
]
