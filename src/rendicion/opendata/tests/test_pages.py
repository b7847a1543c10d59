"""The public pages of /datos/: a citizen finds the datasets, their dictionary and downloads."""

import pytest

from rendicion.core.tests.factories import EntityFactory
from rendicion.opendata.datasets import DATASETS
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.strategy.tests.factories import StrategyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def strategy():
    strategy = StrategyFactory(entity=EntityFactory(email="datos@example.invalid"))
    SpaceFactory(strategy=strategy)
    return strategy


def test_the_open_data_page_lists_every_dataset_of_each_published_year(client, strategy):
    StrategyFactory(entity=strategy.entity, year=2024, is_published=False)
    page = client.get("/datos/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "<h1>Datos abiertos</h1>" in text and "Vigencia 2023" in text
    assert "Vigencia 2024" not in text
    for dataset in DATASETS:
        assert f'href="/datos/2023/{dataset.slug}/"' in text
        assert f'href="/datos/2023/{dataset.slug}.csv"' in text
    assert "Creative Commons Atribución 4.0" in text and "datos@example.invalid" in text
    assert 'href="/datos/datapackage.json"' in text


def test_a_dataset_page_explains_each_column_in_spanish(client, strategy):
    page = client.get("/datos/2023/participacion/")
    text = page.content.decode()
    assert "Diccionario de datos" in text
    assert "<code>personas</code>" in text and "número entero" in text
    assert "menos de 5 personas" in text
    for fmt in ("csv", "json", "xlsx"):
        assert f'href="/datos/2023/participacion.{fmt}"' in text
    assert client.get("/datos/2023/no-existe/").status_code == 404


def test_open_data_is_in_the_menu_the_footer_and_the_sitemap(client, strategy):
    home = client.get("/").content.decode()
    assert home.count('href="/datos/"') >= 2
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/datos/</loc>" in sitemap and "/datos/2023/espacios/</loc>" in sitemap
