"""Formats at the edge: each module reads or writes one format into or from the model
(spec files, JSON, delimited rows).  The model and the language never import from here."""
