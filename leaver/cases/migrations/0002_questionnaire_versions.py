# Answers move onto the questionnaire engine: (interview, version, item key, value).
# Pre-release: draft answers in development databases are dropped.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("interviews", "0001_initial"),
        ("questionnaires", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(name="Answer"),
        migrations.AddField(
            model_name="interview",
            name="questionnaire_version",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                related_name="interviews", to="questionnaires.version"),
        ),
        migrations.CreateModel(
            name="Answer",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("item_key", models.CharField(max_length=64)),
                ("value", models.TextField()),
                ("interview", models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE, related_name="answers",
                    to="interviews.interview")),
                ("version", models.ForeignKey(
                    on_delete=django.db.models.deletion.PROTECT, related_name="answers",
                    to="questionnaires.version")),
            ],
            options={
                "ordering": ["id"],
                "constraints": [models.UniqueConstraint(fields=("interview", "item_key"),
                                                        name="answer_once_per_item")],
            },
        ),
    ]
