"""kronika.store"""
