from django.utils.functional import SimpleLazyObject

from .selectors import entity_current


def site(request):
    """The entity whose name, logo and contact data every page shows (looked up once, lazily)."""
    return {"entity": SimpleLazyObject(entity_current)}
