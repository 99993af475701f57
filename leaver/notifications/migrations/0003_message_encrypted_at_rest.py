"""Encryption at rest (ADR 0027): the body and the attachment become encrypted fields, and the
messages already there are encrypted with the active key."""

import leaver.core.encrypted_fields
from leaver.core.key_rotation import encrypt_existing
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0002_message_attachment'),
    ]

    operations = [
        migrations.AlterField(
            model_name='message',
            name='attachment_text',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='message',
            name='body',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        # Rows written before encryption, encrypted with the active key (ADR 0027).
        migrations.RunPython(encrypt_existing("notifications", "message"),
                             migrations.RunPython.noop),
    ]
