"""Negotiation role-plays (branching dialogues): the scenario model and its checks,
the data of the static page and the role cards (``assets/kurs-rollenspiel.js``),
and the notebook app."""
