"""Plotly figure builders: data in, go.Figure out."""

# Pages and widgets name the figure type from here: plotly is imported only in charts/.
from plotly.graph_objects import Figure

__all__ = ["Figure"]
