# Every statement written before drafts existed was already in use at consent: each becomes
# published, as of when it was written. Each statement and distribution rule gets its own
# public id. A rule named twice for the same pathway is kept once (0007 makes that a rule).

import uuid

from django.db import migrations


def forwards(apps, schema_editor):
    Statement = apps.get_model('organisations', 'ConfidentialityStatement')
    for statement in Statement.objects.filter(public_id__isnull=True):
        statement.public_id = uuid.uuid4()
        statement.status = 'published'
        statement.published_at = statement.created_at
        statement.save(update_fields=['public_id', 'status', 'published_at'])
    Rule = apps.get_model('organisations', 'DistributionRecipient')
    seen = set()
    for rule in Rule.objects.order_by('id'):
        key = (rule.organisation_id, rule.pathway, rule.role, rule.user_id)
        if key in seen:
            rule.delete()
            continue
        seen.add(key)
        if rule.public_id is None:
            rule.public_id = uuid.uuid4()
            rule.save(update_fields=['public_id'])


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0005_settings_statements_rules'),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
