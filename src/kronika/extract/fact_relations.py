"""stub"""

def person_relations(ctx):
    return None
