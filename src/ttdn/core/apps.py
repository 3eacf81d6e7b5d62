from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ttdn.core"
    label = "core"
