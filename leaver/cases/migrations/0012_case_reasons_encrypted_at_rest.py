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
        ('interviews', '0011_amendment_agreement'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='amendmentagreement',
            name='amendmentagreement_reason_at_most_2000',
        ),
        migrations.RemoveConstraint(
            model_name='amendmentagreement',
            name='amendmentagreement_refusal_reason_at_most_2000',
        ),
        migrations.RemoveConstraint(
            model_name='correctionrequest',
            name='correctionrequest_comment_at_most_2000',
        ),
        migrations.RemoveConstraint(
            model_name='interview',
            name='interview_outcome_reason_at_most_2000',
        ),
        migrations.RemoveConstraint(
            model_name='interview',
            name='interview_people_present_at_most_1000',
        ),
        migrations.RemoveConstraint(
            model_name='interview',
            name='interview_support_details_at_most_1000',
        ),
        migrations.AlterField(
            model_name='amendmentagreement',
            name='reason',
            field=leaver.core.encrypted_fields.EncryptedTextField(),
        ),
        migrations.AlterField(
            model_name='amendmentagreement',
            name='refusal_reason',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='correctionrequest',
            name='comment',
            field=leaver.core.encrypted_fields.EncryptedTextField(),
        ),
        migrations.AlterField(
            model_name='interview',
            name='outcome_reason',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='interview',
            name='people_present',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='interview',
            name='support_details',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AddConstraint(
            model_name='amendmentagreement',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('reason'), 10725), name='amendmentagreement_reason_sealed_at_most_2000'),
        ),
        migrations.AddConstraint(
            model_name='amendmentagreement',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('refusal_reason'), 10725), name='amendmentagreement_refusal_reason_sealed_at_most_2000'),
        ),
        migrations.AddConstraint(
            model_name='correctionrequest',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('comment'), 10725), name='correctionrequest_comment_sealed_at_most_2000'),
        ),
        migrations.AddConstraint(
            model_name='interview',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('outcome_reason'), 10725), name='interview_outcome_reason_sealed_at_most_2000'),
        ),
        migrations.AddConstraint(
            model_name='interview',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('people_present'), 5393), name='interview_people_present_sealed_at_most_1000'),
        ),
        migrations.AddConstraint(
            model_name='interview',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('support_details'), 5393), name='interview_support_details_sealed_at_most_1000'),
        ),
        # Rows written before encryption, encrypted with the active key (ADR 0027).
        migrations.RunPython(
            encrypt_existing("interviews", "interview", "correctionrequest", "amendmentagreement"),
            migrations.RunPython.noop),
    ]
