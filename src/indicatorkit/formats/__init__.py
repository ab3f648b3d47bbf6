"""Formats at the edge: each module reads or writes one format into or from the model
(spec files, JSON, actuals files, workbooks…).  The model and the language never import from here."""
