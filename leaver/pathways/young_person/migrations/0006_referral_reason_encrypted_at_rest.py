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
        ('interviews', '0011_amendment_agreement'),
        ('young_person', '0005_youngperson_date_of_death'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='referral',
            name='referral_reason_at_most_2000',
        ),
        migrations.AlterField(
            model_name='referral',
            name='reason',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AddConstraint(
            model_name='referral',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('reason'), 10725), name='referral_reason_sealed_at_most_2000'),
        ),
        # Rows written before encryption, encrypted with the active key (ADR 0027).
        migrations.RunPython(encrypt_existing("young_person", "referral"),
                             migrations.RunPython.noop),
    ]
