"""stub"""

def kin_facts(ctx):
    return None
