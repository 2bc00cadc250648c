"""kronika: documents about people's lives in, a sourced chronicle out."""
__version__ = "0.1.0"
