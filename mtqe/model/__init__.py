"""The neural QE model: a MiniLM encoder with a sentence and a token head, its inputs (a
sentence in its document context) and a scorer. Knows nothing of files or the CLI. Inference
runs on ONNX Runtime (``runtime``); torch is imported only to train, to export the graph once
(``mtqe.compiled`` caches it), or by the torch model itself (``qe``, ``encoder``)."""
