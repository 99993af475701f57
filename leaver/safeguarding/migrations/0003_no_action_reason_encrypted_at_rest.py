"""Encryption at rest (ADR 0027), continued: the column becomes encrypted, its length check
allows the token, and the rows already there are encrypted with the active key."""

import django.db.models.functions.text
import django.db.models.lookups
import leaver.core.encrypted_fields
from django.conf import settings
from leaver.core.key_rotation import encrypt_existing
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('safeguarding', '0002_concerns_encrypted_at_rest'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='concern',
            name='concern_no_action_reason_at_most_2000',
        ),
        migrations.AlterField(
            model_name='concern',
            name='no_action_reason',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AddConstraint(
            model_name='concern',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('no_action_reason'), 10725), name='concern_no_action_reason_sealed_at_most_2000'),
        ),
        # Rows written before encryption, encrypted with the active key (ADR 0027).
        migrations.RunPython(encrypt_existing("safeguarding", "concern"),
                             migrations.RunPython.noop),
    ]
