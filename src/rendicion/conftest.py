import pytest


@pytest.fixture
def demo(db):
    """The seed's 2023 year, built the way `rendicion load_demo` builds it."""
    from rendicion.demo.services import demo_load

    return demo_load()
