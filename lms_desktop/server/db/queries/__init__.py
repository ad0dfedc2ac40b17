"""Query modules, one per resource; each takes a Connection first and returns contract Structs."""
