"""Showshelf, the desktop application: Qt windows, the command line and settings."""

__version__ = "0.1.0"
APP_NAME = "Showshelf"
APP_ID = "showshelf"
ORGANISATION = "Showshelf"
