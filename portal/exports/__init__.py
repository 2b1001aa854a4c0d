"""File writers (csv, xlsx, ics, hsds, docx, pdf) on well-kept libraries."""
