"""The portal-wide search's façade."""

from __future__ import annotations

from portal.hits import Hit as Hit
from portal.search._core import PER_KIND as PER_KIND, search as search
