"""Reading and writing DIN files (YAML, JSON); one private module per concern."""
