"""The HTTP half of the bundled server: a Litestar app over the storage layer in `lms_desktop.server.db`."""
