"""kronika.extract"""
