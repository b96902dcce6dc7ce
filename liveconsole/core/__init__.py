"""The domain: products, sessions, lineups and the rules between them. Pure Python, no I/O."""
