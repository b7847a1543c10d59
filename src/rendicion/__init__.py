"""Rendición: an entity's accountability strategy, planned, run, measured and published."""
