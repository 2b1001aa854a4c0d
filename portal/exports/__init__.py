"""File writers (csv, xlsx, ics, hsds, docx, pdf) on well-kept libraries.

`export <kind>` in the CLI dispatches to the module named in EXPORTERS; each such module
has FORMATS (a tuple of format names) and `export(fmt, path)`.
"""

EXPORTERS = {
    "plan": "portal.exports.plan",
    "meetings": "portal.exports.meetings",
    "directory": "portal.exports.directory",
    "situation": "portal.exports.situation",
}
