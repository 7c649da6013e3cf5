"""Running batches: one document's processing, the engines (this process, a process pool,
Dask), incremental runs and atomic writing."""
