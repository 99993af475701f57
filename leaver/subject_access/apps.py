from django.apps import AppConfig


class SubjectAccessConfig(AppConfig):
    """Subject access requests (issue 14): everything held about one person, for an
    organisation admin to review and release as a PDF and a JSON file."""

    name = "leaver.subject_access"
    label = "subject_access"
    verbose_name = "Subject access"
