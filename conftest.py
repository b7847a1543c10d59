"""Database legs: the suite runs on SQLite (default) or on a throwaway PostgreSQL (--db=postgres).

Under CI=true a leg that cannot run is a failure, never a skip.
"""

import os

import pytest
from tools.pgcluster import PgCluster, PostgresUnavailable

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        choices=["sqlite", "postgres"],
        default=os.environ.get("RENDICION_TEST_DB", "sqlite"),
        help="Base de datos de las pruebas: sqlite (por defecto) o postgres (un clúster temporal).",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--db") != "postgres" or hasattr(config, "workerinput"):
        return
    try:
        cluster = PgCluster()
        url = cluster.start()
    except PostgresUnavailable as error:
        if IN_CI:
            pytest.exit(f"PostgreSQL es obligatorio con CI=true: {error}", returncode=1)
        pytest.exit(f"Se omite la pasada en PostgreSQL: {error}", returncode=0)
    config._rendicion_pg = cluster
    _use_database(url)


def _use_database(url: str) -> None:
    from django.conf import settings
    from django.db import connections

    from rendicion.settings.base import _database

    settings.DATABASES["default"] = _database(url)
    # Connections read their settings once; make sure they read the new ones.
    connections.__dict__.pop("settings", None)
    connections._settings = None
    for alias in list(settings.DATABASES):
        if hasattr(connections._connections, alias):
            connections[alias].close()
            delattr(connections._connections, alias)


def pytest_unconfigure(config: pytest.Config) -> None:
    cluster = getattr(config, "_rendicion_pg", None)
    if cluster is not None:
        cluster.stop()


def pytest_report_header(config: pytest.Config) -> str:
    return f"rendicion: database leg = {config.getoption('--db')}, CI = {IN_CI}"
