"""Read-only administration of questions and topics: every change goes through the staff pages,
whose services keep the terms and the audit trail."""

from django.contrib import admin

from .models import Answer, AnswerReport, ProposedTopic, Question, QuestionNotice


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ProposedTopic)
class ProposedTopicAdmin(ReadOnlyAdmin):
    list_display = ["text", "proposed_on", "state", "office", "included_in"]
    list_filter = ["state", "channel"]
    search_fields = ["text"]


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdmin):
    list_display = ["pk", "space", "state", "office", "received_on", "deadline"]
    list_filter = ["state", "kind", "channel"]
    exclude = ["asker_name", "asker_email", "asker_phone"]


@admin.register(Answer)
class AnswerAdmin(ReadOnlyAdmin):
    list_display = ["question", "office", "approved_at", "published_at"]


@admin.register(AnswerReport)
class AnswerReportAdmin(ReadOnlyAdmin):
    list_display = ["space", "published_at"]


@admin.register(QuestionNotice)
class QuestionNoticeAdmin(ReadOnlyAdmin):
    list_display = ["question", "kind", "key", "recipients", "sent_at"]
