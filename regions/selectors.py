from .models import Huisstijl


def huisstijl_van(regio) -> Huisstijl | None:
    """The house style a region prints with, or None (the app's neutral style)."""
    if regio is None:
        return None
    return Huisstijl.objects.filter(regio_id=getattr(regio, "pk", regio)).first()
