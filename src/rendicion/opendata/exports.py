"""The open datasets, registered in the download layer (`rendicion.core.exporters`) when
CoreConfig.ready imports each app's exports.py. They are defined in `datasets`."""

from . import datasets  # noqa: F401  (registers every dataset)
