"""How each resource reads: the field lists, declared once, and the writers that follow them.

``python`` builds the representations from model instances (and the export's rows);
``postgres`` has PostgreSQL write the same JSON text itself, byte for byte.
"""
