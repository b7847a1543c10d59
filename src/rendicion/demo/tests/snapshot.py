"""The demo year, built once per test session and put back into each test that asks for it.

`demo_load()` takes seconds (it imports the attendance CSVs and renders the published reports).
The suite builds it once, reads back every row it wrote, rolls the build back, and then inserts
those rows inside each test's own transaction: the test sees exactly what `demo_load()` writes
(same rows, same primary keys), and its rollback removes them again, so tests stay isolated.

When the database a test starts from is not the one the snapshot was taken from (a demo table
already has rows, or a row the demo points to outside its own tables differs), the snapshot is
not used and `demo_load()` runs as before: slower, never wrong.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.color import no_style
from django.db import IntegrityError, connection, transaction

from rendicion.demo.services import DemoResult, demo_load

_built: DemoSnapshot | None = None


def demo_snapshot() -> DemoSnapshot:
    """The session's snapshot, built on first use (the database is the same for the session)."""
    global _built
    if _built is None:
        _built = DemoSnapshot.build()
    return _built


def _stored(value):
    """SQLite's connection turns stored text into Python values; this turns them back."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date | dt.time | decimal.Decimal):
        return str(value)
    return value


def _table_rows(cursor, table: str, columns: list[str]) -> list[tuple]:
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(table)}")
    if connection.vendor == "sqlite":
        return [tuple(_stored(value) for value in row) for row in cursor.fetchall()]
    return [tuple(row) for row in cursor.fetchall()]


def _columns(cursor, table: str) -> list[str]:
    return [c.name for c in connection.introspection.get_table_description(cursor, table)]


def _primary_key(cursor, table: str) -> str | None:
    return connection.introspection.get_primary_key_column(cursor, table)


def _all_rows(cursor) -> dict[str, tuple[list[str], list[tuple]]]:
    rows = {}
    for table in connection.introspection.table_names(cursor):
        columns = _columns(cursor, table)
        rows[table] = (columns, _table_rows(cursor, table, columns))
    return rows


@dataclass
class DemoSnapshot:
    # table -> (columns, rows) written by demo_load(), in the database's own values.
    tables: dict[str, tuple[list[str], list[tuple]]] = field(default_factory=dict)
    # Rows outside the demo's tables that its foreign keys point to, as they were at build time.
    referenced: dict[str, tuple[list[str], list[tuple]]] = field(default_factory=dict)
    entity_pk: int | None = None
    strategy_pk: int | None = None
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    usable: bool = True

    @classmethod
    def build(cls) -> DemoSnapshot:
        """Runs demo_load() once in a transaction that is rolled back, keeping what it wrote."""
        snapshot = cls()
        with transaction.atomic():
            with connection.cursor() as cursor:
                before = _all_rows(cursor)
            result = demo_load()
            with connection.cursor() as cursor:
                after = _all_rows(cursor)
                for table, (columns, rows) in after.items():
                    old_rows = before.get(table, (columns, []))[1]
                    if rows == old_rows:
                        continue
                    if old_rows:
                        # demo_load() changed or added to a table that was not empty: only a
                        # real load reproduces that, so every test runs demo_load() instead.
                        snapshot.usable = False
                    snapshot.tables[table] = (columns, rows)
                snapshot.referenced = cls._referenced_rows(cursor, set(snapshot.tables), after)
            snapshot.entity_pk = result.entity.pk
            snapshot.strategy_pk = result.strategy.pk
            snapshot.logins = list(result.logins)
            transaction.set_rollback(True)
        return snapshot

    @staticmethod
    def _referenced_rows(cursor, demo_tables: set[str], rows) -> dict:
        referenced = {}
        for table in demo_tables:
            relations = connection.introspection.get_relations(cursor, table)
            for _column, (_other_column, other_table) in relations.items():
                if other_table not in demo_tables and other_table in rows:
                    referenced[other_table] = rows[other_table]
        return referenced

    def restore(self) -> DemoResult:
        """Puts the demo year into the current test's database; demo_load() when it cannot."""
        if self.usable and self._starts_from_the_same_database():
            try:
                with transaction.atomic():
                    self._insert()
            except IntegrityError:
                return demo_load()
            from rendicion.core.models import Entity
            from rendicion.strategy.models import Strategy

            entity = Entity.objects.get(pk=self.entity_pk)
            strategy = Strategy.objects.get(pk=self.strategy_pk)
            strategy.entity = entity  # as demo_load() returns it: no query to reach the entity
            return DemoResult(entity=entity, strategy=strategy, logins=list(self.logins))
        return demo_load()

    def _starts_from_the_same_database(self) -> bool:
        qn = connection.ops.quote_name
        with connection.cursor() as cursor:
            any_row = " UNION ALL ".join(
                f"SELECT 1 FROM (SELECT 1 FROM {qn(table)} LIMIT 1) AS t{i}"
                for i, table in enumerate(self.tables)
            )
            cursor.execute(any_row)
            if cursor.fetchall():
                return False
            for table, (columns, rows) in self.referenced.items():
                if _table_rows(cursor, table, columns) != rows:
                    return False
        return True

    def _insert(self) -> None:
        qn = connection.ops.quote_name
        with connection.cursor() as cursor:
            for table, (columns, rows) in self.tables.items():
                names = ", ".join(qn(c) for c in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {qn(table)} ({names}) VALUES ({marks})", rows)
            # PostgreSQL's sequences do not move for explicit keys: move them past the demo's.
            models = [
                model
                for model in apps.get_models(include_auto_created=True)
                if model._meta.db_table in self.tables
            ]
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
