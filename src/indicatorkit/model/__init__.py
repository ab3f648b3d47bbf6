"""The 绩效目标表 model: frozen records for a department, its projects and their indicators,
the findings said about them, and lint.  No file format lives here (see ``formats``)."""
