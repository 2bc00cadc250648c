"""kronika.reconcile"""
