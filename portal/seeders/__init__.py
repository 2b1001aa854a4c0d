"""The embedded default and the demo data, one module per domain.

Each module has `load_default(cur)` (real data, always loaded into a new database) and
`load_demo(cur)` (clearly marked demo rows, only with `init --demo`). The list in
`portal/setup.py` names them in the order they load.
"""
