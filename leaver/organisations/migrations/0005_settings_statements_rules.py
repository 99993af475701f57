# Organisation settings (issue 9): closing a setting and an agency placement's provider;
# statements get a Welsh text, a draft/published status and a public id; distribution rules
# a public id. The public ids are filled in 0006 and made unique in 0007 (existing rows each
# need their own value, which a column default cannot give).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0004_organisation_contact_details'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='setting',
            name='provider_name',
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AddField(
            model_name='setting',
            name='closed_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='confidentialitystatement',
            name='public_id',
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='confidentialitystatement',
            name='text_cy',
            field=models.TextField(blank=True, max_length=6000),
        ),
        migrations.AlterField(
            model_name='confidentialitystatement',
            name='text',
            field=models.TextField(max_length=6000),
        ),
        migrations.AddField(
            model_name='confidentialitystatement',
            name='status',
            field=models.CharField(choices=[('draft', 'Draft'), ('published', 'Published')], default='draft', max_length=16),
        ),
        migrations.AddField(
            model_name='confidentialitystatement',
            name='published_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='confidentialitystatement',
            name='published_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='distributionrecipient',
            name='public_id',
            field=models.UUIDField(editable=False, null=True),
        ),
    ]
