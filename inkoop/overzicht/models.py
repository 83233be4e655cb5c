from django.db import models
from django.utils.translation import gettext_lazy as _


class Statuscontrole(models.Model):
    """A ping through the task queue: proves the worker answers (see the status page)."""

    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    task_id = models.CharField(_("taak-id"), max_length=50, blank=True)
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    worker = models.CharField(_("worker"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("statuscontrole")
        verbose_name_plural = _("statuscontroles")
        ordering = ["-aangemaakt"]

    def __str__(self):
        return f"Statuscontrole {self.aangemaakt:%d-%m-%Y %H:%M:%S}"
