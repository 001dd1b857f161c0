"""The quiz exercise kind: models and scoring (``model``), page data for the
JS runtime (``data``), the ipywidgets app for live notebooks (``widget``)."""
