"""District claims: which county-level district each figure is asserted for, and what it measures.

The document is read in order, sentence by sentence, keeping the district in scope (the
section's district). For each quantity the nearest evidence wins, strongest first:
a speaker's district for a quote, a district named earlier in the sentence (`sentence`),
a pronoun such as 全区/该区/当地 (`pronoun`), several districts sharing one figure
(`list`), a district named later in the same clause, the section's district (`section`,
also the district of a bulletin or work report as a whole), and a title's district for the
title's figures (`title`). A province or city written before its district (四川省眉山市仁寿县)
is its address, not a subject. Subjects that are not districts (a development zone, the
city, the nation, a company) and property cues (重达, 直径) stop the search: such figures are
not claims. A company stops it only as a subject: one named beside the figure (an example
before 等, the district's partner in a signing, a project's name that a district's verb takes)
does not. Each claim also gets its sign (a decline is negative), its modality (actual,
target, forecast), its period (the sentence's, else carried from the paragraph or heading)
and its metric. All words are in rules/claims.yaml; how metrics are phrased is in
rules/metrics.yaml, their keys come from rules/indicators.yaml (pipeline/claims/metric_keys.py).

What a figure's attribution looks up (markers, figures, times, clause delimiters, quotes) is
sorted once per document and found by bisection, so the work per figure stays the same
however long the document is.

By concern: rules.py (the rules files, loaded per rules folder), context.py (the document as
the stage reads it: markers, clause and quote geometry, headings, periods), attribution.py
(which district governs a figure), metrics.py (what it measures, its key, sign, period and
modality, and the claim itself), metric_keys.py (the indicator vocabulary), tables.py (the
rows of flattened tables); this module walks the sentences.
"""

from __future__ import annotations

from zhfacts.claims.attribution import advance_scope, attribute, heading_scope, opens_section, reopened_scope
from zhfacts.claims.context import Scope, distinct_rank_keys, document_context
from zhfacts.claims.metrics import make_claims
from zhfacts.claims.rules import claim_rules, metric_rules
from zhfacts.claims.tables import is_table_cell, table_claims
from zhfacts.nlp.analysis import Analysis
from zhfacts.text.article import Hit

__all__ = ["claim_rules", "find_claims", "metric_rules"]


def find_claims(doc: Analysis) -> list[Hit]:
    """Claims for every quantity of the document asserted about a county-level district."""
    ctx = document_context(doc)
    if not any(m.kind == "district" or m.township_of is not None for m in ctx.markers):
        return []  # every claim is some district marker's: named, in scope or the document's (a township's)
    article, quantities = ctx.article, ctx.quantities
    claims: list[Hit] = []
    scope = Scope()
    q_index = 0
    for s_index, (s_start, s_end) in enumerate(article.sentences):
        para = ctx.paragraph_at.get(s_start)  # only a sentence that starts a paragraph can open a section
        if para is not None and opens_section(ctx, s_index, para):
            scope = heading_scope(ctx, s_index)
        scope = reopened_scope(ctx, scope, s_start)
        in_sentence = []
        while q_index < len(quantities) and quantities[q_index].start < s_end:
            if quantities[q_index].start >= s_start and not is_table_cell(quantities[q_index]):
                in_sentence.append(quantities[q_index])  # a table's cells are its rows' (claims/tables.py)
            q_index += 1
        for quantity in in_sentence:
            attribution = attribute(ctx, quantity, (s_start, s_end), scope, in_sentence)
            if attribution:
                claims.extend(make_claims(ctx, quantity, attribution, (s_start, s_end)))
        scope = advance_scope(ctx, scope, s_start, s_end)
    claims.extend(table_claims(ctx))
    return distinct_rank_keys(claims)
