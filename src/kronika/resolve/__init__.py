"""kronika.resolve"""
