"""Encryption at rest (ADR 0027): the columns become encrypted fields, their length checks
allow the token, and the rows already there are encrypted with the active key."""

import django.db.models.functions.text
import django.db.models.lookups
import leaver.core.encrypted_fields
from leaver.core.key_rotation import encrypt_existing
from django.conf import settings
from django.db import migrations, models

from leaver.core.encrypted_fields import Sealed
from leaver.questionnaires import codec
from leaver.questionnaires.spec import DID_NOT_ANSWER, NOT_ASKED, ItemType

FREE_TEXT = (ItemType.SHORT_TEXT, ItemType.LONG_TEXT)


def encrypt_free_text_answers(apps, schema_editor):
    """The free-text answers already stored (leaver.cases.answers.stored decides the same)."""
    Answer = apps.get_model("interviews", "Answer")
    Version = apps.get_model("questionnaires", "Version")
    for version in Version.objects.filter(pk__in=Answer.objects.values("version_id")):
        keys = [item.key for item in codec.from_dict(version.content).items()
                if item.type in FREE_TEXT]
        found = (Answer.objects.filter(version=version, item_key__in=keys)
                 .exclude(value__startswith="enc:")
                 .exclude(value__in=["", DID_NOT_ANSWER, NOT_ASKED]).order_by("pk"))
        while batch := list(found[:500]):
            for answer in batch:
                answer.value = Sealed(answer.value)
            Answer.objects.bulk_update(batch, ["value"])


class Migration(migrations.Migration):

    dependencies = [
        ('interviews', '0009_list_indexes'),
        ('questionnaires', '0003_pathway_wording'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='answer',
            name='answer_value_at_most_5000',
        ),
        migrations.RemoveConstraint(
            model_name='interviewrecord',
            name='interviewrecord_interviewer_notes_at_most_5000',
        ),
        migrations.RemoveConstraint(
            model_name='interviewrecord',
            name='interviewrecord_left_out_note_at_most_1000',
        ),
        migrations.RemoveConstraint(
            model_name='recorddraft',
            name='recorddraft_interviewer_notes_at_most_5000',
        ),
        migrations.RemoveConstraint(
            model_name='recorddraft',
            name='recorddraft_left_out_note_at_most_1000',
        ),
        migrations.AlterField(
            model_name='answer',
            name='value',
            field=leaver.core.encrypted_fields.SealableTextField(),
        ),
        migrations.AlterField(
            model_name='interviewrecord',
            name='interviewer_notes',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='interviewrecord',
            name='left_out_note',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='recorddraft',
            name='interviewer_notes',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='recorddraft',
            name='left_out_note',
            field=leaver.core.encrypted_fields.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='recordversion',
            name='content',
            field=leaver.core.encrypted_fields.EncryptedJSONField(),
        ),
        migrations.AddConstraint(
            model_name='answer',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('value'), 26725), name='answer_value_sealed_at_most_5000'),
        ),
        migrations.AddConstraint(
            model_name='interviewrecord',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('interviewer_notes'), 26725), name='interviewrecord_interviewer_notes_sealed_at_most_5000'),
        ),
        migrations.AddConstraint(
            model_name='interviewrecord',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('left_out_note'), 5393), name='interviewrecord_left_out_note_sealed_at_most_1000'),
        ),
        migrations.AddConstraint(
            model_name='recorddraft',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('interviewer_notes'), 26725), name='recorddraft_interviewer_notes_sealed_at_most_5000'),
        ),
        migrations.AddConstraint(
            model_name='recorddraft',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('left_out_note'), 5393), name='recorddraft_left_out_note_sealed_at_most_1000'),
        ),
        # Rows written before encryption, encrypted with the active key (ADR 0027).
        migrations.RunPython(encrypt_existing("interviews", "interviewrecord", "recorddraft", "recordversion"),
                             migrations.RunPython.noop),
        migrations.RunPython(encrypt_free_text_answers, migrations.RunPython.noop),
    ]
