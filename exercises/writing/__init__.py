"""Written practice: open writing tasks per chapter with a model answer and a
self-assessment checklist. Model and checks (``model.py``), the data of the
static page (``page.py``, run by ``assets/kurs-schreiben.js``) and the
notebook app (``widget.py``), all fed by ``exercises/inhalte/schreibaufgaben*.yml``."""
