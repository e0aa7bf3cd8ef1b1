"""The Qt application. Importing it first protects ``None`` (see ``none_guard``)."""

from desktop.none_guard import keep_none_alive

keep_none_alive()
