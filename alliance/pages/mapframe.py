"""Where the map page finds its map: the documents' names and the frame that shows them.

The documents themselves are made by alliance/pages/citymap.py; the script that draws the map in
them is a file of the site, MAP_SCRIPT.
"""

from __future__ import annotations

from alliance.data.dataset import Dataset
from alliance.pages.markup import html_text, md_text

MAP_FOLDER = "map"
MAP_STEM = "cities-map"
# The map's script, from the site's root (content/assets/).
MAP_SCRIPT = "assets/cities-map.js"


def render_map_frame(dataset: Dataset, language: str) -> str:
    """The map in an iframe, for the page map.md (its document sits next to the page's URL, map/),
    followed by a link that opens it alone."""
    title = dataset.labels.ui("map-title", language)
    open_alone = dataset.labels.ui("map-open-alone", language)
    return (
        f'<iframe class="am-map-frame" title="{html_text(title)}" loading="lazy" src="{MAP_STEM}.html"></iframe>\n\n'
        f"[{md_text(open_alone)}]({MAP_FOLDER}/{MAP_STEM}.html)\n"
    )
