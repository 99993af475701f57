"""The young person's details as separate, correctable fields (issue 8).

The free-text `contact_details` is split into phone, email and a postal address: a line that
is an email address goes to `email`, one that is a phone number to `phone`, a UK postcode to
`postcode`; the first other line is the first address line and the rest, joined with commas,
the second, so nothing typed is lost. The preferred language becomes a choice: "English" and
"Welsh" (or "Cymraeg") as themselves, anything else "Other" with its name. Each case gets its
organisation's IRO when the organisation has exactly one; otherwise a CSM allocates one.
Going back joins the fields into `contact_details` again.
"""

import re

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[\d\s()-]{9,}$")
POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.IGNORECASE)


def split_contact(text):
    """The old free text as the new fields, keeping every piece of it."""
    parts = [p.strip() for p in re.split(r"[\n,;]+", text or "") if p.strip()]
    fields = {"phone": "", "email": "", "postcode": "", "address_line_1": "",
              "address_line_2": ""}
    rest = []
    for part in parts:
        if EMAIL.match(part) and not fields["email"]:
            fields["email"] = part
        elif PHONE.match(part) and sum(c.isdigit() for c in part) >= 9 and not fields["phone"]:
            fields["phone"] = part
        elif POSTCODE.match(part) and not fields["postcode"]:
            fields["postcode"] = part.upper()
        else:
            rest.append(part)
    if rest:
        fields["address_line_1"] = rest[0][:200]
        fields["address_line_2"] = ", ".join([rest[0][200:], *rest[1:]] if len(rest[0]) > 200
                                             else rest[1:])[:500]
    return fields


def language_of(text):
    name = (text or "").strip()
    if not name or name.lower() == "english":
        return "English", ""
    if name.lower() in ("welsh", "cymraeg", "welsh (cymraeg)"):
        return "Welsh", ""
    return "Other", name[:100]


def forwards(apps, schema_editor):
    YoungPerson = apps.get_model("young_person", "YoungPerson")
    Membership = apps.get_model("organisations", "Membership")
    for person in YoungPerson.objects.select_related("interview"):
        for name, value in split_contact(person.contact_details).items():
            setattr(person, name, value)
        person.preferred_language, person.other_language = language_of(
            person.preferred_language)
        iros = list(Membership.objects.filter(
            role="iro", user__organisation_id=person.interview.organisation_id,
            user__is_active=True).values_list("user_id", flat=True).distinct())
        if len(iros) == 1:
            person.allocated_iro_id = iros[0]
        person.save()


def backwards(apps, schema_editor):
    YoungPerson = apps.get_model("young_person", "YoungPerson")
    for person in YoungPerson.objects.all():
        lines = [person.address_line_1, person.address_line_2, person.town, person.postcode,
                 person.phone, person.email]
        person.contact_details = "\n".join(line for line in lines if line)
        if person.preferred_language == "Other":
            person.preferred_language = person.other_language or "Other"
        person.save()


class Migration(migrations.Migration):

    dependencies = [
        ('young_person', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='youngperson',
            name='address_line_1',
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AddField(
            model_name='youngperson',
            name='address_line_2',
            field=models.CharField(blank=True, max_length=500),
        ),
        migrations.AddField(
            model_name='youngperson',
            name='allocated_iro',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='iro_for_young_people', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='youngperson',
            name='consent_asked_on',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='youngperson',
            name='email',
            field=models.CharField(blank=True, max_length=254),
        ),
        migrations.AddField(
            model_name='youngperson',
            name='feasibility_tried',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name='youngperson',
            name='other_language',
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddField(
            model_name='youngperson',
            name='phone',
            field=models.CharField(blank=True, max_length=40),
        ),
        migrations.AddField(
            model_name='youngperson',
            name='postcode',
            field=models.CharField(blank=True, max_length=12),
        ),
        migrations.AddField(
            model_name='youngperson',
            name='town',
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AlterField(
            model_name='youngperson',
            name='preferred_language',
            field=models.CharField(choices=[('English', 'English'), ('Welsh', 'Welsh (Cymraeg)'), ('Other', 'Another language')], default='English', max_length=100),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(
            model_name='youngperson',
            name='contact_details',
        ),
    ]
