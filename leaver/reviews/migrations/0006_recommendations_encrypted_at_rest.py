"""Encryption at rest (ADR 0027), continued: the columns become encrypted, their length checks
allow the token, and the rows already there are encrypted with the active key."""

import django.db.models.functions.text
import django.db.models.lookups
import leaver.core.encrypted_fields
from django.conf import settings
from leaver.core.key_rotation import encrypt_existing
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0005_letter_encrypted_at_rest'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='draftrecommendation',
            name='draftrecommendation_text_at_most_2000',
        ),
        migrations.RemoveConstraint(
            model_name='draftrecommendation',
            name='draftrecommendation_young_person_text_at_most_2000',
        ),
        migrations.RemoveConstraint(
            model_name='recommendation',
            name='recommendation_text_at_most_2000',
        ),
        migrations.RemoveConstraint(
            model_name='recommendation',
            name='recommendation_young_person_text_at_most_2000',
        ),
        migrations.RemoveConstraint(
            model_name='recommendation',
            name='recommendation_response_text_at_most_2000',
        ),
        migrations.RemoveConstraint(
            model_name='recommendation',
            name='recommendation_withdrawal_reason_at_most_2000',
        ),
        migrations.RemoveConstraint(
            model_name='review',
            name='review_no_action_reason_at_most_2000',
        ),
        migrations.AlterField(
            model_name='draftrecommendation',
            name='text',
            field=leaver.core.encrypted_fields.EncryptedTextField(),
        ),
        migrations.AlterField(
            model_name='draftrecommendation',
            name='young_person_text',
            field=leaver.core.encrypted_fields.EncryptedTextField(),
        ),
        migrations.AlterField(
            model_name='recommendation',
            name='response_text',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='recommendation',
            name='text',
            field=leaver.core.encrypted_fields.EncryptedTextField(),
        ),
        migrations.AlterField(
            model_name='recommendation',
            name='withdrawal_reason',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='recommendation',
            name='young_person_text',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='review',
            name='no_action_reason',
            field=leaver.core.encrypted_fields.EncryptedTextField(),
        ),
        migrations.AddConstraint(
            model_name='draftrecommendation',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('text'), 10725), name='draftrecommendation_text_sealed_at_most_2000'),
        ),
        migrations.AddConstraint(
            model_name='draftrecommendation',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('young_person_text'), 10725), name='draftrecommendation_young_person_text_sealed_at_most_2000'),
        ),
        migrations.AddConstraint(
            model_name='recommendation',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('text'), 10725), name='recommendation_text_sealed_at_most_2000'),
        ),
        migrations.AddConstraint(
            model_name='recommendation',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('young_person_text'), 10725), name='recommendation_young_person_text_sealed_at_most_2000'),
        ),
        migrations.AddConstraint(
            model_name='recommendation',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('response_text'), 10725), name='recommendation_response_text_sealed_at_most_2000'),
        ),
        migrations.AddConstraint(
            model_name='recommendation',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('withdrawal_reason'), 10725), name='recommendation_withdrawal_reason_sealed_at_most_2000'),
        ),
        migrations.AddConstraint(
            model_name='review',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('no_action_reason'), 10725), name='review_no_action_reason_sealed_at_most_2000'),
        ),
        # Rows written before encryption, encrypted with the active key (ADR 0027).
        migrations.RunPython(
            encrypt_existing("reviews", "draftrecommendation", "recommendation", "review"),
            migrations.RunPython.noop),
    ]
