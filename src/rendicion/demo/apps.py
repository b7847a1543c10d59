from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "rendicion.demo"
    verbose_name = "Demo"
