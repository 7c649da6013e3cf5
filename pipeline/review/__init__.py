"""Review of the facts in a store: verdicts (accept, reject, correct, add) recorded in the
store's `reviews` table (`decisions`), given in a local web app (`app`, `static/`) or from a
JSONL file (`apply`), and exported as gold files (`export`)."""
