"""Figures read out of a báo cáo (.docx, PDF, pasted text), for an analyst to confirm before saving."""
