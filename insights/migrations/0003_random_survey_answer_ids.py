import secrets

from django.db import migrations, models

import insights.surveys.models


def renumber_answers(apps, schema_editor):
    """Give the answers already in random ids (no relation points at them), so their order is gone too."""
    SurveyAnswer = apps.get_model("insights", "SurveyAnswer")
    for old in list(SurveyAnswer.objects.values_list("pk", flat=True)):
        SurveyAnswer.objects.filter(id=old).update(id=1 + secrets.randbelow(2**62))


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0002_community_managers_see_insights"),
    ]

    operations = [
        migrations.AlterField(
            model_name="surveyanswer",
            name="id",
            field=models.BigIntegerField(
                default=insights.surveys.models.random_answer_id, editable=False, primary_key=True, serialize=False
            ),
        ),
        migrations.RunPython(renumber_answers, migrations.RunPython.noop),
    ]
