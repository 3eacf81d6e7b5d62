from django.db import migrations

from ttdn.reporting.catalogue import fill_default_keywords


def fill(apps, schema_editor):
    fill_default_keywords(apps.get_model("reporting", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("reporting", "0007_import_files_keywords_batches")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
