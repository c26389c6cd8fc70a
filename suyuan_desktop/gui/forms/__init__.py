"""Generated from ui/*.ui by installer/tools/build_forms.py; committed, checked by the test command."""
