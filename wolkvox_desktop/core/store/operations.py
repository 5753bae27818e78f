"""The ``operations`` table: each Wolkvox operation (server code) and its settings."""

from __future__ import annotations

from wolkvox_desktop.core.campaigns import parse_server_code
from wolkvox_desktop.core.limits import clamp_in_flight, clamp_licenses, valid_timeout
from wolkvox_desktop.core.store.connection import Connection
from wolkvox_desktop.core.store.records import OPERATION_COLUMNS, Operation, operation_row


class OperationTable(Connection):
    def upsert_operation(self, op: Operation) -> None:
        """Add or update an operation. ``max_in_flight`` is kept within 1..2, ``licenses``
        within the limits, and a timeout outside them falls back to the default
        (:mod:`~wolkvox_desktop.core.limits`)."""
        server = parse_server_code(op.server)
        with self._write() as conn:
            conn.execute(
                f"""INSERT INTO operations ({OPERATION_COLUMNS}) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (server) DO UPDATE SET label = excluded.label,
                     licenses = excluded.licenses, timeout_s = excluded.timeout_s,
                     max_in_flight = excluded.max_in_flight""",  # noqa: S608 - constant
                (server, op.label.strip(), clamp_licenses(op.licenses),
                 valid_timeout(op.timeout_s), clamp_in_flight(op.max_in_flight)),
            )

    def ensure_operation(self, server: str) -> bool:
        """Add the operation with the default settings unless it exists; True if added."""
        code = parse_server_code(server)
        defaults = Operation(server=code)
        with self._write() as conn:
            cursor = conn.execute(
                f"""INSERT INTO operations ({OPERATION_COLUMNS}) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (server) DO NOTHING""",  # noqa: S608 - constant
                (code, "", defaults.licenses, defaults.timeout_s, defaults.max_in_flight),
            )
            return cursor.rowcount == 1

    def operations(self) -> list[Operation]:
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {OPERATION_COLUMNS} FROM operations ORDER BY server"  # noqa: S608
            ).fetchall()
        return [operation_row(row) for row in rows]

    def operation(self, server: str) -> Operation | None:
        code = parse_server_code(server)
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {OPERATION_COLUMNS} FROM operations WHERE server = ?",  # noqa: S608
                (code,),
            ).fetchone()
        return operation_row(row) if row else None

    def delete_operation(self, server: str) -> bool:
        """Forget an operation and its saved campaigns; its history is kept (append-only).
        True if the operation existed."""
        code = parse_server_code(server)
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM operations WHERE server = ?", (code,))
            conn.execute("DELETE FROM campaigns WHERE server = ?", (code,))
            conn.execute("DELETE FROM meta WHERE server = ?", (code,))
            return cursor.rowcount == 1
