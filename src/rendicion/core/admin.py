"""Administration for entities, offices and users. Every change is written to the audit trail."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import AuditRecord, Entity, NonWorkingDay, Office, User
from .permissions import can_reset_two_factor
from .services import (
    audit_record,
    non_working_day_add,
    non_working_day_remove,
    non_working_day_update,
)
from .two_factor import two_factor_reset

# Devices are managed only through the audited reset below: django-otp's own admin pages would
# show the secret keys and delete devices without an audit record.
for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


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
    list_display = ["username", "first_name", "last_name", "role", "two_factor", "is_active"]
    list_filter = ["role", "is_active"]
    actions = ["reset_two_factor"]
    filter_horizontal = ["offices"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Rol en Rendición"), {"fields": ["role", "offices"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Rol en Rendición"), {"fields": ["role", "offices"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                has_two_factor=Exists(
                    TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
                )
            )
        )

    @admin.display(description=_("Verificación en dos pasos"), boolean=True)
    def two_factor(self, obj) -> bool:
        return obj.has_two_factor

    @admin.action(description=_("Restablecer la verificación en dos pasos (celular perdido)"))
    def reset_two_factor(self, request, queryset) -> None:
        if not can_reset_two_factor(request.user):
            raise PermissionDenied
        count = 0
        for user in queryset:
            two_factor_reset(actor=request.user, user=user)
            count += 1
        self.message_user(
            request,
            ngettext(
                "Se restableció la verificación en dos pasos de %(count)d usuario. Si su rol "
                "la exige, la activará de nuevo la próxima vez que entre.",
                "Se restableció la verificación en dos pasos de %(count)d usuarios. Quienes "
                "la tengan obligatoria la activarán de nuevo la próxima vez que entren.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


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
