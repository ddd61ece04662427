"""Training side of mtqe: the corruption engine, the training loop, and the fitting of fusion,
calibration and thresholds. Never imported by the runtime (``mtqe.load``, ``mtqe check``);
needs the ``train`` extra (``pip install mtqe[train]``)."""
