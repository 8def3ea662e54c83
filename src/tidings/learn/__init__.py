"""Small learned models (numpy only): the document topic gate and the event scorer.

Rules propose, models decide. Weights are data files under ``resources/data/models``, trained by
``tidings train`` from the BBC topic corpus and the project's annotated event corpus.
"""
