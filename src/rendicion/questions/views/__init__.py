"""Thin views: parse the request, authorise, call a service or selector, render."""

from . import public, staff, topics

__all__ = ["public", "staff", "topics"]
