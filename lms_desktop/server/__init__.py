"""The LMS server bundled with the desktop app: storage (db/, seed/, images) and HTTP (http/, cli)."""
