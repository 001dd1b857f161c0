"""The discount calculator "Was kostet ein Rabatt?": model, command line,
notebook app and the data of the static page (``assets/kurs-rabatt.js``)."""
