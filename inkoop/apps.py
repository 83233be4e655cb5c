from django.apps import AppConfig


class InkoopConfig(AppConfig):
    name = "inkoop"
    verbose_name = "Inkoopproces"

    def ready(self):
        # Connects the guards that keep a decided version frozen on every ORM save path.
        from inkoop.services import besluitvorming  # noqa: F401
