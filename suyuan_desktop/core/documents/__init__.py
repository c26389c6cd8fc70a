"""Printed documents: ReportLab templates, fonts, QR verification."""
