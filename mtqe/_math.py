"""The two squashing functions every score passes through, written once."""

from __future__ import annotations

import math

# Clamp of a probability before its logit where it is a fusion input: a model that says 1e-4
# is as sure as it can usefully be, and a larger logit would let one input swamp the rest.
FUSION_EPS = 1e-4
# Clamp where a calibration map reads a fused score: the map itself bounds the output, so
# only overflow needs guarding.
MAP_EPS = 1e-6
# exp() of more than this saturates a probability to 0 or 1 anyway; clamping avoids overflow.
_Z_MAX = 30.0


def logit(p: float, eps: float) -> float:
    p = min(max(p, eps), 1 - eps)
    return math.log(p / (1 - p))


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-_Z_MAX, min(_Z_MAX, z))))
