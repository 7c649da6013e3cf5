# A measurement, not part of the package: repair's doubled-run search (text/repair.py,
# rules/repair.yaml doubled_run) as a typed loop. bench/cython_loops.py builds it and checks
# that it finds exactly what the regex finds.
# cython: language_level=3, boundscheck=False, wraparound=False
from cpython.unicode cimport Py_UNICODE_ISSPACE

cdef extern from "Python.h":
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index) nogil

def doubled_runs(str text, Py_ssize_t min_run, Py_ssize_t max_run):
    """(start, length) of each match of (\\S.{min_run-1,max_run-1})\\1, as re.finditer finds them."""
    cdef Py_ssize_t n = len(text), pos = 0, reach, L, k, nl = -1
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    cdef bint found
    out = []
    while pos < n:
        c = PyUnicode_READ(kind, data, pos)
        found = False
        if not Py_UNICODE_ISSPACE(c):
            if nl <= pos:  # the next line break after pos (or the end): a run stays inside its line
                nl = pos + 1
                while nl < n and PyUnicode_READ(kind, data, nl) != 10:
                    nl += 1
            reach = min(max_run, nl - pos)
            L = reach
            while L >= min_run:
                if pos + 2 * L <= n and PyUnicode_READ(kind, data, pos + L) == c:
                    k = 1
                    while k < L and PyUnicode_READ(kind, data, pos + k) == PyUnicode_READ(kind, data, pos + L + k):
                        k += 1
                    if k == L:
                        found = True
                        break
                L -= 1
        if found:
            out.append((pos, L))
            pos += 2 * L
        else:
            pos += 1
    return out
