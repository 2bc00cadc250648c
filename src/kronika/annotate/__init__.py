"""kronika.annotate"""
