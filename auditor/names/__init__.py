"""Entity names: keys, the per-document name index, mentions, matching, name knowledge, style
sheets, corpus memory and clusters.

Layers, lowest first; a module imports only from its own layer or below:

- per-document parts that rules use: ``keys`` (the transliteration keys), ``similarity`` (of
  two tokens), ``align`` (two names token by token, and the evidence that gives), ``match`` (the
  fitted name model, the best match and the candidate index),
  ``index`` (a document's name words, truncations and variant clusters; ``variants`` holds the
  spelling tests it joins them by), ``mentions`` (name spans
  with titles and particles), ``knowledge`` (the ``NameKnowledge`` protocol and its
  implementations, which name the stores only as types);
- stores: ``stylesheet`` (house spellings) and ``corpus`` (the corpus database);
- ``report`` (clusters across documents, for ``auditor entities``).

Nothing here imports the command line; the package imports nothing on its own (import the module
you need).
"""
