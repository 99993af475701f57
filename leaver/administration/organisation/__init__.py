"""See leaver/administration/urls.py."""
