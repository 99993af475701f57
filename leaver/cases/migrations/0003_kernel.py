"""The case kernel (ADR 0009): the review and letter fields now live in reviews (copied by
reviews 0002), the state's words come from the pathway's definition, and the young person's
details belong to the young person's pathway (young_person 0001 takes the model over; the
table is renamed there, no row is touched)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("interviews", "0002_questionnaire_versions"),
        ("reviews", "0002_review_and_letter"),
    ]

    operations = [
        migrations.RemoveField(model_name="interview", name="no_action_reason"),
        migrations.RemoveField(model_name="interview", name="letter_text"),
        migrations.RemoveField(model_name="interview", name="letter_sent_at"),
        migrations.AlterField(
            model_name="interview", name="state",
            field=models.CharField(db_index=True, max_length=32),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="YoungPerson")],
            database_operations=[],
        ),
    ]
