"""The neural QE model: a MiniLM encoder with a sentence and a token head, its inputs (a
sentence in its document context) and a scorer. Knows nothing of files or the CLI; imports
torch, so the runtime loads it only when a model folder has a neural model."""
