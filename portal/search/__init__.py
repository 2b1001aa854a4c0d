"""The portal-wide search: one box, hits from every feature the role may see."""
