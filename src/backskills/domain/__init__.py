"""The domain: the rules of the back class as pure functions and plain result types.

Nothing here imports typer or rich, prints, exits or opens the journal (ARCHITECTURE.md).
"""
