import uuid

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0006_fill_public_ids_publish_statements'),
    ]

    operations = [
        migrations.AlterField(
            model_name='confidentialitystatement',
            name='public_id',
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name='distributionrecipient',
            name='public_id',
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddConstraint(
            model_name='confidentialitystatement',
            constraint=models.UniqueConstraint(condition=models.Q(('status', 'draft')), fields=('organisation', 'pathway'), name='statement_one_draft'),
        ),
        migrations.AddConstraint(
            model_name='distributionrecipient',
            constraint=models.UniqueConstraint(condition=models.Q(('role', ''), _negated=True), fields=('organisation', 'pathway', 'role'), name='distribution_role_once'),
        ),
        migrations.AddConstraint(
            model_name='distributionrecipient',
            constraint=models.UniqueConstraint(condition=models.Q(('user__isnull', False)), fields=('organisation', 'pathway', 'user'), name='distribution_user_once'),
        ),
    ]
