# ConsentText moves from participation to core (several apps store consents). Only Django's
# picture of the models changes: the table keeps its name, participation_consenttext, and its
# rows, constraints and foreign keys stay as they are.

import django.db.models.deletion
from django.db import migrations, models


def _content_type_to_core(apps, schema_editor):
    """Permissions and admin history that name the model follow it to core."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="core", model="consenttext").exists():
        ContentType.objects.filter(app_label="participation", model="consenttext").update(
            app_label="core"
        )


def _content_type_to_participation(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="participation", model="consenttext").exists():
        ContentType.objects.filter(app_label="core", model="consenttext").update(
            app_label="participation"
        )


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_non_working_day"),
        ("participation", "0003_attendance_contact_consent"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ConsentText",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("version", models.CharField(max_length=40, verbose_name="versión")),
                        ("text", models.TextField(verbose_name="texto de la autorización")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("entity", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="consent_texts", to="core.entity")),
                    ],
                    options={
                        "verbose_name": "texto de autorización de datos",
                        "verbose_name_plural": "textos de autorización de datos",
                        "db_table": "participation_consenttext",
                        "ordering": ["entity", "-created_at", "-pk"],
                        "constraints": [
                            models.UniqueConstraint(fields=("entity", "version"), name="consent_unique_version")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(_content_type_to_core, _content_type_to_participation),
    ]
