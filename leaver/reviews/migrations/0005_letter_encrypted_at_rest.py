"""Encryption at rest (ADR 0027): the columns become encrypted fields, their length checks
allow the token, and the rows already there are encrypted with the active key."""

import django.db.models.functions.text
import django.db.models.lookups
import leaver.core.encrypted_fields
from leaver.core.key_rotation import encrypt_existing
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0004_text_length_limits'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='letter',
            name='letter_text_at_most_10000',
        ),
        migrations.AlterField(
            model_name='letter',
            name='text',
            field=leaver.core.encrypted_fields.EncryptedTextField(),
        ),
        migrations.AddConstraint(
            model_name='letter',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('text'), 53393), name='letter_text_sealed_at_most_10000'),
        ),
        # Rows written before encryption, encrypted with the active key (ADR 0027).
        migrations.RunPython(encrypt_existing("reviews", "letter"),
                             migrations.RunPython.noop),
    ]
