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
        ('young_person', '0006_referral_reason_encrypted_at_rest'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='youngperson',
            name='youngperson_communication_needs_at_most_1000',
        ),
        migrations.AlterField(
            model_name='youngperson',
            name='communication_needs',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AddConstraint(
            model_name='youngperson',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('communication_needs'), 5393), name='youngperson_communication_needs_sealed_at_most_1000'),
        ),
        # Rows written before encryption, encrypted with the active key (ADR 0027).
        migrations.RunPython(encrypt_existing("young_person", "youngperson"),
                             migrations.RunPython.noop),
    ]
