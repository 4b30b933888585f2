"""Expensive work a viewer asks for (báo cáo, large Excel files), bounded and shared."""
