"""Export and import of the plans file (``core.plans``' JSON, the same as ``wolkvox plan
export|import``): the file dialogs, and the jobs that write and read it off the GUI thread.

An import is all or nothing (a plan that is wrong refuses the file, naming it and the
field); plans of the same name are replaced in place, so handing the same file to a
workstation again never makes a slot run twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from wolkvox_desktop.core.plans import PlanError, plans_from_json, plans_to_json, read_plans_file

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations

_translate = QCoreApplication.translate
DEFAULT_NAME = "wolkvox-plans.json"


@dataclass(frozen=True)
class Imported:
    added: int
    replaced: int


def _documents() -> Path:
    # here, not at the top: the History's export module brings openpyxl (~0.25 s)
    from wolkvox_desktop.gui.history.export import documents_folder

    return documents_folder()


def ask_export_path(parent: QWidget) -> Path | None:
    path, _kind = QFileDialog.getSaveFileName(
        parent, _translate("PlansFile", "Export plans"), str(_documents() / DEFAULT_NAME),
        _translate("PlansFile", "Plans files (*.json)"))
    return Path(path) if path else None


def ask_import_path(parent: QWidget) -> Path | None:
    path, _kind = QFileDialog.getOpenFileName(
        parent, _translate("PlansFile", "Import plans"), str(_documents()),
        _translate("PlansFile", "Plans files (*.json);;All files (*)"))
    return Path(path) if path else None


def export_job(path: Path) -> Callable[[Operations], int | OSError]:
    """Writes every plan to ``path``; how many, or the ``OSError``."""
    def write(ops: Operations) -> int | OSError:
        plans = [saved.plan for saved in ops.store.plans()]
        try:
            path.write_text(plans_to_json(plans), encoding="utf-8")
        except OSError as exc:
            return exc
        return len(plans)

    return write


def import_job(path: Path) -> Callable[[Operations], Imported | PlanError]:
    """Reads ``path`` and keeps its plans (all or none); or the file's :class:`PlanError`."""
    def read(ops: Operations) -> Imported | PlanError:
        try:
            plans = plans_from_json(read_plans_file(path))
        except PlanError as error:
            return error
        return Imported(*ops.store.save_plans(plans))

    return read
