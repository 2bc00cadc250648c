"""spaCy Doc + person mentions -> who each pronoun, relative pronoun and definite description stands for.
Runs after entity extraction and before events; reads only the shared word lists (``kronika.lexicons``)."""
