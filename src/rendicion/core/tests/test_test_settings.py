"""The Spanish catalogue is where the settings look for it; test runs leave no folders behind."""

import gettext
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.utils import translation


def test_the_spanish_catalogue_is_compiled_where_locale_paths_points():
    folder = Path(settings.LOCALE_PATHS[0]) / "es_CO" / "LC_MESSAGES"
    assert (folder / "django.po").is_file()
    with open(folder / "django.mo", "rb") as compiled:
        assert gettext.GNUTranslations(compiled).info()["language"] == "es_CO"
    with translation.override("es-co"):
        assert translation.gettext("Autodiagnóstico de rendición de cuentas") == (
            "Autodiagnóstico de rendición de cuentas"
        )


def test_the_test_settings_remove_their_media_folder_on_exit():
    script = "from django.conf import settings; print(settings.MEDIA_ROOT)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "rendicion.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    media_root = Path(result.stdout.strip())
    assert media_root.name.startswith("rendicion-media-")
    assert not media_root.exists()
