# ConsentText now belongs to core (core 0003). Attendances and evaluations point at it there;
# the table, participation_consenttext, and every foreign key in the database stay unchanged.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0003_consent_text_from_participation"),
        ("participation", "0003_attendance_contact_consent"),
        # Every reference to participation.ConsentText must be gone before it leaves the state.
        ("questions", "0002_consent_text_in_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="attendance",
                    name="consent_text",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="core.consenttext", verbose_name="texto autorizado"),
                ),
                migrations.AlterField(
                    model_name="evaluation",
                    name="consent_text",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="core.consenttext"),
                ),
                migrations.DeleteModel(name="ConsentText"),
            ],
            database_operations=[],
        ),
    ]
