"""kronika.cli"""
