"""Pipeline stages: each module takes a Document and returns it with one more layer."""
