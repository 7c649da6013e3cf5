"""The version of zhfacts (the package metadata and `zhfacts --version` read it here)."""

__version__ = "0.1.0"
