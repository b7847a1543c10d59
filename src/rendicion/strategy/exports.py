"""The strategy's downloads, registered where their layout is declared."""

from .cronograma import CronogramaExporter

__all__ = ["CronogramaExporter"]
