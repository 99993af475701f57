"""Reviews own their data (ADR 0009): the IRO's "no action needed" reason and the letter move
from the case (interviews.Interview) into reviews.Review and reviews.Letter, every row kept."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def copy_from_cases(apps, schema_editor):
    Interview = apps.get_model("interviews", "Interview")
    Review = apps.get_model("reviews", "Review")
    Letter = apps.get_model("reviews", "Letter")
    for case in Interview.objects.exclude(no_action_reason="").iterator():
        Review.objects.create(interview=case, no_action_reason=case.no_action_reason)
    for case in Interview.objects.exclude(letter_text="").iterator():
        Letter.objects.create(interview=case, text=case.letter_text,
                              sent_at=case.letter_sent_at)


def copy_back(apps, schema_editor):
    Interview = apps.get_model("interviews", "Interview")
    Review = apps.get_model("reviews", "Review")
    Letter = apps.get_model("reviews", "Letter")
    for review in Review.objects.iterator():
        Interview.objects.filter(pk=review.interview_id).update(
            no_action_reason=review.no_action_reason)
    for letter in Letter.objects.iterator():
        Interview.objects.filter(pk=letter.interview_id).update(
            letter_text=letter.text, letter_sent_at=letter.sent_at)


class Migration(migrations.Migration):

    dependencies = [
        ("interviews", "0002_questionnaire_versions"),
        ("reviews", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Review",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("no_action_reason", models.TextField()),
                ("decided_at", models.DateTimeField(null=True)),
                ("decided_by", models.ForeignKey(
                    null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                    to=settings.AUTH_USER_MODEL)),
                ("interview", models.OneToOneField(
                    on_delete=django.db.models.deletion.CASCADE, related_name="review",
                    to="interviews.interview")),
            ],
        ),
        migrations.CreateModel(
            name="Letter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("text", models.TextField()),
                ("sent_at", models.DateTimeField(blank=True, null=True)),
                ("interview", models.OneToOneField(
                    on_delete=django.db.models.deletion.CASCADE, related_name="letter",
                    to="interviews.interview")),
            ],
        ),
        migrations.RunPython(copy_from_cases, copy_back),
    ]
