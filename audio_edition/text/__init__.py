"""Facts about written text that both the reader (ingest) and the script writer need: sentence
boundaries, quotation marks, abbreviations. Below every stage; imports nothing of the project."""
