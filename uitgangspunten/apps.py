from django.apps import AppConfig


class UitgangspuntenConfig(AppConfig):
    name = "uitgangspunten"
    verbose_name = "Uitgangspunten en documenten"
