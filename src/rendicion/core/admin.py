"""Administration for entities, offices and users. Every change is written to the audit trail."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import AuditRecord, Entity, Office, User
from .services import audit_record


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
