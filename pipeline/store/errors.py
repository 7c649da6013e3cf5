"""The store's errors, apart from the modules that import DuckDB: the command line names
them without loading it."""


class StoreError(Exception):
    """A store that cannot be used as asked; the message names the file and the problem."""


class StoreBusy(StoreError):
    """Another process is writing the store."""
