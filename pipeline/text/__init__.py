"""Text in: reading inputs, repairing PDF and web text, sentences and the Article every stage reads."""
