"""The young person's details move from the case kernel into this pathway (ADR 0009): the
model is taken over as it stands, then its table is renamed to this app's name."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("interviews", "0003_kernel"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="YoungPerson",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                                   serialize=False, verbose_name="ID")),
                        ("date_of_birth", models.DateField()),
                        ("planned_move_date", models.DateField()),
                        ("significant_learning_disability", models.BooleanField()),
                        ("communication_needs", models.TextField(blank=True)),
                        ("preferred_language", models.CharField(default="English",
                                                                max_length=100)),
                        ("contact_details", models.TextField(blank=True)),
                        ("interview", models.OneToOneField(
                            on_delete=django.db.models.deletion.CASCADE,
                            related_name="young_person", to="interviews.interview")),
                        ("social_worker", models.ForeignKey(
                            on_delete=django.db.models.deletion.PROTECT,
                            related_name="allocated_young_people",
                            to=settings.AUTH_USER_MODEL)),
                    ],
                    options={"db_table": "interviews_youngperson"},
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="youngperson", table=None),
    ]
