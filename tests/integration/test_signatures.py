"""Drawn signatures: simplified strokes, drawn as vectors into a new, immutable version."""
from __future__ import annotations

import io
import math
import re

import pytest
from pypdf import PdfReader

from suyuan_desktop.core.documents.signatures import normalise, simplify
from suyuan_desktop.core.domain.errors import ValidationError
from tests.helpers.builders import concluded_case


def wave(n=120, x0=0):
    return [(x0 + i * 2.0, 40 + 15 * math.sin(i / 8)) for i in range(n)]


def test_simplify_keeps_the_shape_with_fewer_points():
    pts = wave()
    out = simplify(pts)
    assert out[0] == pts[0] and out[-1] == pts[-1]
    assert len(out) < len(pts) / 2
    line = [(float(i), 5.0) for i in range(100)]
    assert simplify(line) == [line[0], line[-1]]


def test_normalise_fits_the_ink_box():
    sig = normalise([wave(), wave(40, x0=300)])
    xs = [x for s in sig["strokes"] for x, _ in s]
    ys = [y for s in sig["strokes"] for _, y in s]
    assert min(xs) == 0 and max(xs) == 1 and min(ys) == 0 and max(ys) == 1
    assert sig["aspect"] > 5
    with pytest.raises(ValidationError):
        normalise([])


def test_signing_issues_a_new_version_with_the_strokes_drawn(station, admin, tmp_path):
    case = concluded_case(station, admin)
    plain, plain_pdf = station.documents.issue(admin, case.case_number, "agreement")
    signed, signed_pdf = station.documents.issue(admin, case.case_number, "agreement",
                                                 signatures={"张三": {"strokes": [wave()], "date": "2026-11-22"}})
    assert signed.doc_version == plain.doc_version + 1 and signed_pdf != plain_pdf
    assert station.documents.verify(plain_pdf).status == "genuine"
    assert station.documents.verify(signed_pdf).status == "genuine"
    # the signature is vector ink: many line segments in the page content, none in the unsigned one
    def segments(pdf):
        return sum(len(re.findall(rb"-?[\d.]+ -?[\d.]+ l\b", p.get_contents().get_data()))
                   for p in PdfReader(io.BytesIO(pdf)).pages)
    assert segments(signed_pdf) > segments(plain_pdf) + 20
    again, again_pdf = station.documents.issue(admin, case.case_number, "agreement",
                                               signatures={"张三": {"strokes": [wave()], "date": "2026-11-22"}})
    assert again.reused and again_pdf == signed_pdf
    with pytest.raises(ValidationError) as exc:
        station.documents.issue(admin, case.case_number, "agreement", signatures={"路人": {"strokes": [wave()]}})
    assert "路人" in exc.value.message
