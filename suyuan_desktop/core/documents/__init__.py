"""Printed documents (issue 3): ReportLab templates, fonts, QR verification."""
