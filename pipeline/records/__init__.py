"""The output tables: record types, their schema and validation, and building records from hits."""
