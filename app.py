"""SOS-portalen entry point: a router only. See portal/ui/shell.py."""

from portal.ui import shell

shell.run()
