"""LMS Desktop: a desktop learner client and the lightweight LMS server it ships with."""

__version__ = "0.1.0"
APP_NAME = "LMS Desktop"
APP_ID = "org.lmsdesktop.LMSDesktop"
