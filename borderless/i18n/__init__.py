"""Translation plumbing: the core's messages through Django's catalogues, and their extraction."""
