import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _lege_cache():
    cache.clear()  # the request limit of the API counts in the cache
    yield
    cache.clear()
