"""The account-plan workbook ("Account-Plan-Arbeitsmappe"): content model and
checks, the data of the static page (``assets/kurs-arbeitsmappe.js``), the
Markdown export and the notebook app."""
