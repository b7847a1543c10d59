import pytest


@pytest.fixture
def demo(db):
    """The seed's 2023 year, built the way `rendicion load_demo` builds it."""
    from rendicion.demo.services import demo_load

    return demo_load()


@pytest.fixture(autouse=True)
def _force_login_passes_two_factor(request, monkeypatch):
    """`client.force_login(user)` also passes the second step, as the verification page would,
    so that tests about other pages need no 2FA steps. Tests of the 2FA rules log in through
    the real pages (or carry the `real_two_factor` marker)."""
    if request.node.get_closest_marker("real_two_factor"):
        return
    from django.test import Client

    from rendicion.core.tests.two_factor import client_mark_verified

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        client_mark_verified(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)
