"""Spec files (``.ikspec``): an indented plain-text outline of whole 绩效目标表."""
