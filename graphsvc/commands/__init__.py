"""The `graphsvc` subcommands per area; cli.py gathers them."""
