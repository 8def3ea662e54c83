"""NLP stage: the Parse layer carries exactly what spaCy's token properties say, as offsets."""
from tidings.models import Document, RawArticle
from tidings.stages import clean, nlp

TEXT = ("Kenya's foreign minister met his Ugandan counterpart in Kampala on Tuesday, officials said.\n\n"
        "The two sides did not sign an agreement.  Talks resume in March.\n\n")


def test_parse_layer_matches_spacy_token_properties():
    sdoc = nlp.load_model()(TEXT)
    parse = nlp.to_parse(sdoc)
    sent_of = {t.i: k for k, sent in enumerate(sdoc.sents) for t in sent}
    expected = [(t.i, t.idx, t.idx + len(t.text), t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, sent_of[t.i],
                 t.ent_iob_ or "O", t.ent_type_, str(t.morph)) for t in sdoc]
    got = [(t.i, t.start, t.end, t.text, t.lemma, t.pos, t.tag, t.dep, t.head, t.sent, t.ent_iob, t.ent_type, t.morph)
           for t in parse.tokens]
    assert got == expected
    assert [(e.start, e.end, e.label, e.text) for e in parse.entities] == [
        (e.start_char, e.end_char, e.label_, e.text) for e in sdoc.ents]


def test_sentences_start_at_paragraphs_and_exclude_trailing_space():
    parse = nlp.to_parse(nlp.load_model()(TEXT))
    texts = [TEXT[s.start:s.end] for s in parse.sentences]
    assert texts[0].startswith("Kenya's") and texts[0].endswith("said.")
    assert texts[1] == "The two sides did not sign an agreement."
    assert texts[-1] == "Talks resume in March."
    assert all(t == t.strip() and t for t in texts)


def test_run_many_parses_each_document_in_order():
    docs = [clean.run(RawArticle(id=str(k), text=text)) for k, text in
            enumerate(["Ghana protested on Monday.", "Peru and Chile signed a trade pact in Lima."])]
    parsed = list(nlp.run_many(docs))
    assert [d.article.id for d in parsed] == ["0", "1"] and all(isinstance(d, Document) for d in parsed)
    assert [t.text for t in parsed[1].parse.tokens][:3] == ["Peru", "and", "Chile"]


ATTRIBUTE_TEXT = ("There were protests outside parliament. They were protesting new taxes, and y'all know it.\n\n"
                  "\"We're gonna fight this, ain't we?\" one organiser asked. Let's see what the Senate does; "
                  "lawmakers gotta vote by Friday on a $2.4bn package, the agency's spokeswoman said.")


def _token_attributes(sdoc):
    return [(t.text, t.tag_, t.dep_, t.pos_, str(t.morph), t.lemma_) for t in sdoc]


def test_attribute_cache_gives_what_the_models_ruler_and_lemmatizer_give():
    model = nlp.load_model()
    cache = model.get_pipe("tidings_token_attributes")
    with model.select_pipes(disable=["tidings_token_attributes"]):
        sdoc = model(ATTRIBUTE_TEXT)
    reference = _token_attributes(cache.lemmatizer(cache.ruler(sdoc)))
    assert _token_attributes(model(ATTRIBUTE_TEXT)) == reference
    assert _token_attributes(model(ATTRIBUTE_TEXT)) == reference  # second time from the memo


def test_attribute_cache_keys_two_token_pattern_words_with_their_neighbours():
    model = nlp.load_model()
    there = model("There were protests in the capital.")
    they = model("They were protesting in the capital.")
    assert (there[1].pos_, they[1].pos_) == ("VERB", "AUX")  # the ruler's "there + be" pattern
    assert [t.lemma_ for t in model("We are gonna win.")][2:4] == ["go", "to"]


def test_attribute_cache_starts_afresh_when_full(monkeypatch):
    model = nlp.load_model()
    monkeypatch.setattr(nlp, "ATTRIBUTE_CACHE_SIZE", 5)
    cache = model.get_pipe("tidings_token_attributes")
    # a full memo of other keys, whatever this process parsed before (common words may all be memoised already)
    monkeypatch.setattr(cache, "cache", {("earlier", n): None for n in range(5)})
    sdoc = model("Rebels shelled three border villages overnight, killing eleven civilians.")
    assert len(cache.cache) <= 5
    assert [t.lemma_ for t in sdoc][:3] == ["rebel", "shell", "three"]


def test_numpy_blas_gives_what_the_published_model_gives():
    model, bare = nlp.load_model(), nlp.load_bare_model()
    layers = [layer for _, c in model.components if hasattr(getattr(c, "model", None), "walk")
              for layer in c.model.walk()]
    # spaCy builds the parser's and NER's output layer under use_ops("cpu"); the greedy parse never calls its ops
    upper = {id(c.model.get_ref("upper")) for name, c in model.components if name in ("parser", "ner")}
    assert layers and not any(layer.ops.use_blis for layer in layers if id(layer) not in upper)
    assert all(layer.ops.use_blis for _, c in bare.components if hasattr(getattr(c, "model", None), "walk")
               for layer in c.model.walk())
    ours, theirs = model(ATTRIBUTE_TEXT), bare(ATTRIBUTE_TEXT)
    assert [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in ours] == [
        (t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in theirs]


def test_blas_uses_one_thread_per_process():
    from threadpoolctl import threadpool_info

    nlp.load_model()
    assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}
