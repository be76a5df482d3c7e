"""Renderers from records to text: one module per output format, records in, text out."""
