"""kronika.export"""
