"""Scoring: what an indicator's result is worth under a rule set (national self-assessment
rules by default).  Builds on the language's bounds and check results; nothing below this
package knows about scores."""
