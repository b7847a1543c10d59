"""Read-only administration: commitments change through the staff pages and their services."""

from django.contrib import admin

from .models import Commitment, CommitmentProgress


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["description", "space", "office", "due_date", "status"]
    list_filter = ["status", "office"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(CommitmentProgress)
class CommitmentProgressAdmin(CommitmentAdmin):
    list_display = ["commitment", "date", "status", "evidence_url"]
    list_filter = ["status"]
