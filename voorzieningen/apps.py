from django.apps import AppConfig


class VoorzieningenConfig(AppConfig):
    name = "voorzieningen"
    verbose_name = "Voorzieningen"
