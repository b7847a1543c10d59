# The question's consent text now points at core.ConsentText: same table, so only Django's
# picture of the models changes (no database operation).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0003_consent_text_from_participation"),
        ("questions", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="question",
                    name="consent_text",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="core.consenttext"),
                ),
            ],
            database_operations=[],
        ),
    ]
