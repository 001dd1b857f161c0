"""The salary calculator: the sourced model (the one place that computes), the
command line ``python -m exercises salary``, the notebook app; the static page
(``assets/kurs-gehalt.js``) gets its data from ``exercises/sphinx/salary.py``."""
