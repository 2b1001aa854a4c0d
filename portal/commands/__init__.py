"""What the command line does, runnable in the command's own process or, when a running
portal holds the database, inside that server (over the loopback route in
portal/web/cli_bridge.py). One mechanism for every command that may run while the
portal runs: `export`, `report`, `user list/add/disable`, `import`, `purge-signals` and
`backup`.

A command takes JSON-able parameters (and, for `import`, the file's bytes) and returns
an `Outcome`: exit status, the text for stdout and stderr, and a file for the command
line to write. The command line prints an Outcome the same way wherever it was made, so
the output and exit status are the same with and without a running portal.

`run` raises DatabaseLocked when another process holds the file; only then does the
command line hand the same request to the server.
"""

from portal.commands._bridge_file import (
    ROUTE_PATH as ROUTE_PATH,
    SECRET_HEADER as SECRET_HEADER,
    Bridge as Bridge,
    read_bridge as read_bridge,
    remove_bridge as remove_bridge,
    write_bridge as write_bridge,
)
from portal.commands._files import pack as pack
from portal.commands._run import (
    COMMANDS as COMMANDS,
    EXPORTERS as EXPORTERS,
    IMPORTERS as IMPORTERS,
    Outcome as Outcome,
    run as run,
)
