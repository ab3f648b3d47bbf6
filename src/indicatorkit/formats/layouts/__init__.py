"""The layout readers: every layout of 绩效 tables but the central one (which
:mod:`~indicatorkit.formats.central_layout` reads), read from grids whatever container they
came from.  :func:`~indicatorkit.formats.layouts.read.read_grids` is the entry; one module a
layout part: ``book`` and ``sheet`` (what a reading keeps), ``project_block``,
``budget_block``, ``declaration_lines``, ``indicator_header``, ``indicator_table``,
``indicator_row``, ``targets``, ``long_rows``, ``cell_lists``, ``own_sheets``.
"""
