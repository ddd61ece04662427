"""Evaluation side of mtqe: dev-data readers, metrics, reports and plots. Never imported by the
runtime; needs the ``eval`` extra (``pip install mtqe[eval]``)."""
