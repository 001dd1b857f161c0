"""Outputs that turn the course into other formats: LMS packages (SCORM)."""
