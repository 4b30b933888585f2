"""The emulation and commendation register: the catalogue of titles and forms, its rules, checks, counts."""
