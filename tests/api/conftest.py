import pytest

from tests.utils import cache_legen


@pytest.fixture(autouse=True)
def _lege_cache():
    cache_legen()  # the request limit of the API counts in the cache
    yield
    cache_legen()
