"""The target language: values, target kinds, the grammar and its reading, lenient repairs
and the split form of the national system.  Nothing here knows about tables or file formats."""
