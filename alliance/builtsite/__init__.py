"""Checks of the built site: reading its pages, the key pages of the quality checks, weights, unused code."""
