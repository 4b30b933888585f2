"""The báo cáo: content, comparison, narrative, template and rendering."""
