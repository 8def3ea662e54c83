"""The project's annotated event corpus: stand-off judgements over real news kept in ``../shared``.

The texts never enter the project: annotations name a source file, a document id and character
offsets (see ``corpus/README.md`` at the repository root). This package reads the source texts,
loads and validates the annotations, and turns them into labelled candidates for training and
evaluating the event scorer.
"""
