from django.db import migrations

from ttdn.reporting.catalogue import load_default_catalogue


def load(apps, schema_editor):
    load_default_catalogue(apps.get_model("reporting", "Indicator"),
                           apps.get_model("reporting", "ValidationRule"))


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
