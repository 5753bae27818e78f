"""Export and import of the plans file (``core.plans``' JSON, the same as ``wolkvox plan
export|import``): the file dialogs, and the jobs that write and read it off the GUI thread.

An import is all or nothing (a plan that is wrong refuses the file, naming it and the
field); plans of the same name are replaced in place, so handing the same file to a
workstation again never makes a slot run twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from wolkvox_desktop.core.plans import (
    PlanError,
    PlanField,
    plans_from_json,
    plans_to_json,
    read_plans_file,
)

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations

_translate = QCoreApplication.translate
_PLAN_NUMBER = re.compile(r"Plan (\d+)\b")  # core.plans names the plan at fault so


def default_name() -> str:
    """The file name offered, in the window's language."""
    return _translate("PlansFile", "wolkvox-plans") + ".json"


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
        parent, _translate("PlansFile", "Export plans"), str(_documents() / default_name()),
        _translate("PlansFile", "Plans files (*.json)"))
    return Path(path) if path else None


def ask_import_path(parent: QWidget) -> Path | None:
    path, _kind = QFileDialog.getOpenFileName(
        parent, _translate("PlansFile", "Import plans"), str(_documents()),
        _translate("PlansFile", "Plans files (*.json);;All files (*)"))
    return Path(path) if path else None


def import_problem(error: PlanError) -> str:
    """Why a plans file was refused, in the window's language (the core's sentence is
    English: it goes to the tooltip, for a support ticket). Names the plan at fault."""
    message = error.message
    found = _PLAN_NUMBER.match(message)
    field = _field_sentence(error.field)
    if error.field is PlanField.FILE:
        if "newer version" in message:
            return _translate("PlansFile", "The file was written by a newer version of "
                              "Wolkvox Desktop: update this one to read it.")
        if "not valid JSON" in message:
            return _translate("PlansFile", "The file is damaged or is not a plans file "
                              "(it is not valid JSON).")
        if "cannot be read (" in message:
            return _translate("PlansFile", "The file cannot be read: check that it is still "
                              "there and that you may open it.")
        if "twice" in message and found:
            return _translate("PlansFile", "Plan {number} of the file has the same name as "
                              "another plan of the file.").format(number=found.group(1))
        return _translate("PlansFile", "This is not a plans file of Wolkvox Desktop, or it "
                          "is damaged. Check that it is the right file.")
    if found:
        return _translate("PlansFile", "Plan {number} of the file: {problem}").format(
            number=found.group(1), problem=field)
    return field


def _field_sentence(field: PlanField) -> str:
    sentences = {
        PlanField.NAME: _translate("PlansFile", "its name is missing, too long or used twice."),
        PlanField.SERVER: _translate("PlansFile", "its operation's server code is not valid."),
        PlanField.ACTION: _translate("PlansFile", "its action must be start or stop."),
        PlanField.CAMPAIGNS: _translate("PlansFile", "its campaigns are missing, too many, or "
                                        "one of them has an ID or a type that is not valid."),
        PlanField.AT: _translate("PlansFile", "its time must be HH:MM on a 24-hour clock."),
        PlanField.DAYS: _translate("PlansFile", "its days are not valid."),
    }
    return sentences.get(field, _translate("PlansFile", "it is not valid."))


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
