"""Exit codes of the command line, shared by every subcommand."""

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
