import pytest


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker):
    """The demo year, built once per session (see rendicion.demo.tests.snapshot)."""
    from rendicion.demo.tests.snapshot import demo_snapshot

    with django_db_blocker.unblock():
        return demo_snapshot()


@pytest.fixture
def demo(_demo_snapshot, db):
    """The seed's 2023 year, built the way `rendicion load_demo` builds it."""
    return _demo_snapshot.restore()
