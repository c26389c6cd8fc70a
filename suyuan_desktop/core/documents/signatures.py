"""Hand-drawn signatures: simplify and normalise strokes, draw them into a PDF as vector paths.

A drawn signature is a convenience; wet signatures on paper stay the default. Strokes are lists
of (x, y) points, reduced with Ramer-Douglas-Peucker (ε 0.6 px) and normalised to the ink's
bounding box, so the stored JSON is small and the PDF draws crisp vectors at any size.
"""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..domain.errors import FieldError, ValidationError

EPSILON_PX = 0.6
MAX_POINTS = 4000


def _perp_dist(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(points: list[tuple[float, float]], epsilon: float = EPSILON_PX) -> list[tuple[float, float]]:
    """Ramer-Douglas-Peucker, iterative (no recursion limit on long strokes)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        best, index = 0.0, None
        for i in range(start + 1, end):
            d = _perp_dist(points[i], points[start], points[end])
            if d > best:
                best, index = d, i
        if index is not None and best > epsilon:
            keep[index] = True
            stack += [(start, index), (index, end)]
    return [p for p, k in zip(points, keep) if k]


def normalise(strokes: list[list[tuple[float, float]]]) -> dict:
    """{"aspect": w/h, "strokes": [[[x, y], ...], ...]} with x, y in 0..1 of the ink's box."""
    strokes = [simplify([(float(x), float(y)) for x, y, *_ in s]) for s in strokes if len(s) >= 1]
    points = [p for s in strokes for p in s]
    if not points or sum(len(s) for s in strokes) > MAX_POINTS:
        raise ValidationError(FieldError("signature", "签名", "签名为空或过于复杂，请清除后重新签写。", "invalid"))
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, y0 = min(xs), min(ys)
    w, h = max(max(xs) - x0, 1.0), max(max(ys) - y0, 1.0)
    return {"aspect": round(w / h, 4),
            "strokes": [[[round((x - x0) / w, 4), round((y - y0) / h, 4)] for x, y in s] for s in strokes]}


class SignatureDrawing(Flowable):
    """The strokes drawn as vector paths inside a box (default 45 × 14 mm), aspect kept."""

    def __init__(self, signature: dict, width: float = 45 * mm, height: float = 14 * mm):
        super().__init__()
        self.sig, self.width, self.height = signature, width, height

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def draw(self):
        c = self.canv
        aspect = self.sig.get("aspect", 3.0) or 3.0
        w = min(self.width, self.height * aspect)
        h = w / aspect
        ox, oy = (self.width - w) / 2, (self.height - h) / 2
        c.saveState()
        c.setLineWidth(0.9)
        c.setLineCap(1)
        c.setLineJoin(1)
        for stroke in self.sig["strokes"]:
            path = c.beginPath()
            x, y = stroke[0]
            path.moveTo(ox + x * w, oy + (1 - y) * h)
            if len(stroke) == 1:
                path.lineTo(ox + x * w + 0.3, oy + (1 - y) * h)
            for x, y in stroke[1:]:
                path.lineTo(ox + x * w, oy + (1 - y) * h)
            c.drawPath(path, stroke=1, fill=0)
        c.restoreState()
