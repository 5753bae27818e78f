"""A CycloneDX 1.6 bill of materials (JSON) for the bundled components.

Our own small writer (standard library only) rather than a tool in the build environment:
the document is made from the same inventory as ``THIRD-PARTY-NOTICES.txt``
(:mod:`notices`), so the two can never disagree. Only well-defined fields are written:
``bomFormat``, ``specVersion``, ``serialNumber``, ``version``, ``metadata`` (timestamp, the
tool, the app as the described component), ``components`` (type, ``bom-ref``, name,
version, ``purl``, ``licenses``, ``externalReferences``, ``evidence``, ``properties``) and
``dependencies``; ``evidence.occurrences`` says where each component's files are in the
app, so a check of the built app can tell a library nobody accounted for). Schema: https://cyclonedx.org/docs/1.6/json/.

Reproducible: the serial number is a UUID derived from the app, its version, its platform
and the component list, and the timestamp is ``SOURCE_DATE_EPOCH`` (the commit's time).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from notices import Component

SPEC_VERSION = "1.6"
TOOL = "wolkvox-desktop build_specs/cyclonedx.py"
PROPERTY_PREFIX = "wolkvox-desktop"
MODULE = " (module)"  # notices.inventory's name for a Python module (inside the archive)


def _licences(component: Component) -> list[dict[str, Any]]:
    if component.spdx:
        return [{"expression": component.licence}]
    return [{"license": {"name": component.licence}}]


def _component(component: Component) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "type": "framework" if component.kind == "python" else "library",
        "bom-ref": component.key,
        "name": component.name,
    }
    if component.version:
        entry["version"] = component.version
    if component.purl:
        entry["purl"] = component.purl
    entry["licenses"] = _licences(component)
    if component.website.startswith(("http://", "https://")):
        entry["externalReferences"] = [{"type": "website", "url": component.website}]
    files = sorted(f for f in component.files if not f.startswith("("))
    located = [f for f in files if not f.endswith(MODULE)]
    if located:
        # where in the app's data folder (_internal; macOS: Contents/Frameworks or Resources)
        entry["evidence"] = {"occurrences": [{"location": f} for f in located]}
    entry["properties"] = [
        {"name": f"{PROPERTY_PREFIX}:kind", "value": component.kind},
        {"name": f"{PROPERTY_PREFIX}:files", "value": str(len(located))},
        {"name": f"{PROPERTY_PREFIX}:modules", "value": str(len(files) - len(located))},
    ]
    return entry


def bom(components: list[Component], *, app_name: str, version: str, platform_tag: str,
        timestamp: int) -> dict[str, Any]:
    app_ref = f"wolkvox-desktop@{version}"
    seed = "\n".join([app_ref, platform_tag, *(c.key for c in components)])
    serial = uuid.uuid5(uuid.NAMESPACE_URL, f"urn:wolkvox-desktop:sbom:{seed}")
    when = datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "bomFormat": "CycloneDX",
        "specVersion": SPEC_VERSION,
        "serialNumber": serial.urn,
        "version": 1,
        "metadata": {
            "timestamp": when,
            "tools": {"components": [{"type": "application", "name": TOOL}]},
            "component": {
                "type": "application",
                "bom-ref": app_ref,
                "name": app_name,
                "version": version,
                "properties": [{"name": f"{PROPERTY_PREFIX}:platform", "value": platform_tag}],
            },
        },
        "components": [_component(c) for c in components],
        "dependencies": [{"ref": app_ref, "dependsOn": [c.key for c in components]}],
    }
