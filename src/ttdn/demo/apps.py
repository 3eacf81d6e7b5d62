from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ttdn.demo"
    label = "demo"
