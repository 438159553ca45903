"""The command-line interface: Typer apps, one module per command group.

CLI modules parse arguments, call the domain inside a store transaction, and hand the
results to ``backskills.render``. They do no arithmetic and no file I/O.
"""
