"""How each role is drawn, on the map and in the home page's legend."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RoleMarker:
    """How a role is drawn: a shape (an SVG element of a 20×20 box) and a colour."""

    shape: str
    colour: str


# Told apart by shape first; the colours (Okabe-Ito, readable with colour blindness) only add.
ROLE_MARKERS: dict[str, RoleMarker] = {
    "lisbon-host": RoleMarker(
        '<path d="M10 1l2.6 6 6.4.3-5 4.1 1.6 6.6-5.6-3.6-5.6 3.6 1.6-6.6-5-4.1 6.4-.3z"/>', "#D55E00"
    ),
    "lisbon-represented": RoleMarker('<circle cx="10" cy="10" r="8"/>', "#0072B2"),
    "lisbon-supporter": RoleMarker('<path d="M10 1l9 9-9 9-9-9z"/>', "#009E73"),
    "meeting-host": RoleMarker('<rect x="3" y="3" width="14" height="14"/>', "#CC79A7"),
    "announced-host": RoleMarker('<path d="M10 2l9 16H1z"/>', "#E69F00"),
    "practices-shared": RoleMarker('<path d="M5.5 2h9l4.5 8-4.5 8h-9L1 10z"/>', "#56B4E9"),
    "pilot-territory": RoleMarker('<path d="M1 2h18l-9 16z"/>', "#F0E442"),
}
MARKER_SIZE = 22


def marker_svg(role: str, size: int = MARKER_SIZE) -> str:
    marker = ROLE_MARKERS[role]
    return (
        f'<svg width="{size}" height="{size}" viewBox="0 0 20 20" '
        f'aria-hidden="true" focusable="false"><g fill="{marker.colour}" stroke="#1a1a1a" stroke-width="1.5" '
        f'stroke-linejoin="round">{marker.shape}</g></svg>'
    )
