"""Knowledge as versioned data files (lexicons, actor lists, ontology tables) with their loaders and validators."""
