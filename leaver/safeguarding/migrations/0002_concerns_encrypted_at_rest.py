"""Encryption at rest (ADR 0027): the columns become encrypted fields, their length checks
allow the token, and the rows already there are encrypted with the active key."""

import django.db.models.functions.text
import django.db.models.lookups
import leaver.core.encrypted_fields
from leaver.core.key_rotation import encrypt_existing
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('safeguarding', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='concern',
            name='concern_words_at_most_5000',
        ),
        migrations.RemoveConstraint(
            model_name='concern',
            name='concern_note_at_most_5000',
        ),
        migrations.RemoveConstraint(
            model_name='note',
            name='note_text_at_most_5000',
        ),
        migrations.AlterField(
            model_name='concern',
            name='note',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='concern',
            name='words',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='note',
            name='text',
            field=leaver.core.encrypted_fields.EncryptedTextField(),
        ),
        migrations.AlterField(
            model_name='trigger',
            name='answer',
            field=leaver.core.encrypted_fields.EncryptedTextField(),
        ),
        migrations.AlterField(
            model_name='trigger',
            name='comment',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AddConstraint(
            model_name='concern',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('words'), 26725), name='concern_words_sealed_at_most_5000'),
        ),
        migrations.AddConstraint(
            model_name='concern',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('note'), 26725), name='concern_note_sealed_at_most_5000'),
        ),
        migrations.AddConstraint(
            model_name='note',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('text'), 26725), name='note_text_sealed_at_most_5000'),
        ),
        # Rows written before encryption, encrypted with the active key (ADR 0027).
        migrations.RunPython(encrypt_existing("safeguarding", "concern", "trigger", "note"),
                             migrations.RunPython.noop),
    ]
