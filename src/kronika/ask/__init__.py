"""kronika.ask"""
