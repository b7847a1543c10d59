import pytest

from rendicion.core.tests.commands import DemoFiles, rendicion_run


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


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory) -> DemoFiles:
    """`rendicion migrate` and `rendicion load_demo`, once per session; copy before writing."""
    folder = tmp_path_factory.mktemp("demo-files")
    files = DemoFiles(folder / "demo.sqlite3", folder / "data")
    files.data_dir.mkdir()
    rendicion_run(files.url, files.data_dir, "migrate", "--verbosity", "0")
    rendicion_run(files.url, files.data_dir, "load_demo")
    return files
