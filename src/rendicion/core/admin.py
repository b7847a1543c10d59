"""Administration for entities, offices and users. Every change is written to the audit trail."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import AuditRecord, Entity, NonWorkingDay, Office, User
from .services import (
    audit_record,
    non_working_day_add,
    non_working_day_remove,
    non_working_day_update,
)


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            action=f"{obj._meta.model_name}_{'update' if change else 'create'}",
            target=obj,
            changes={
                name: [form.initial.get(name), str(form.cleaned_data.get(name))]
                for name in form.changed_data
                if "password" not in name
            },
        )

    def delete_model(self, request, obj) -> None:
        audit_record(actor=request.user, action=f"{obj._meta.model_name}_delete", target=obj)
        super().delete_model(request, obj)


@admin.register(Entity)
class EntityAdmin(AuditedAdmin):
    list_display = ["name", "short_name"]


@admin.register(Office)
class OfficeAdmin(AuditedAdmin):
    list_display = ["name", "entity", "is_active"]
    list_filter = ["entity", "is_active"]
    search_fields = ["name"]


@admin.register(User)
class UserAdmin(AuditedAdmin, DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active"]
    filter_horizontal = ["offices"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Rol en Rendición"), {"fields": ["role", "offices"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Rol en Rendición"), {"fields": ["role", "offices"]}),
    ]


@admin.register(AuditRecord)
class AuditRecordAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "action", "object_repr"]
    list_filter = ["action"]
    readonly_fields = [f.name for f in AuditRecord._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(admin.ModelAdmin):
    """Days the entity declares non-working. Saved through the calendar services, so that the
    due dates counted in business days are recomputed and the change is audited."""

    list_display = ["date", "reason", "entity"]
    list_filter = ["entity"]
    date_hierarchy = "date"
    fields = ["entity", "date", "reason"]

    def save_model(self, request, obj, form, change) -> None:
        data = form.cleaned_data
        if change:
            stored = NonWorkingDay.objects.get(pk=obj.pk)
            non_working_day_update(
                actor=request.user, day=stored, date=data["date"], reason=data["reason"]
            )
        else:
            created = non_working_day_add(
                actor=request.user, entity=data["entity"], date=data["date"], reason=data["reason"]
            )
            obj.pk = created.pk

    def delete_model(self, request, obj) -> None:
        non_working_day_remove(actor=request.user, day=obj)

    def delete_queryset(self, request, queryset) -> None:
        for day in queryset:
            non_working_day_remove(actor=request.user, day=day)
