"""Helpers of the organizations extractor: public knowledge data, local government bodies, media
bylines, part-of-speech boundaries and the optional statistical tagger."""
