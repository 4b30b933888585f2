"""The arithmetic: model, attainment, progress, terms, year review, selection; numbers and codes, no words."""
