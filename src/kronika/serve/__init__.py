"""kronika.serve"""
