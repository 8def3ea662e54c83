"""Clean stage: debris removal, bylines, datelines, HTML metadata, paragraphs, dates and language."""
from pathlib import Path

import pytest

from tidings.models import RawArticle
from tidings.stages import clean

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
LEDE = ("The foreign ministers of Egypt and Jordan met in Cairo on Sunday to discuss a proposal for "
        "a regional water-sharing agreement, officials said.")
SECOND = "“We have agreed to meet again next month,” Egypt’s foreign minister told reporters."
THIRD = "Talks on the dam have stalled several times since 2011, when construction began."


def cleaned(text=None, **fields):
    return clean.run(RawArticle(id="t", text=text, **fields))


def paragraphs(doc):
    return doc.article.text.split("\n\n")


def test_short_plain_sentence_is_untouched():
    doc = cleaned("Russia accused Ukraine of shelling Donetsk on Monday.")
    assert doc.article.text == "Russia accused Ukraine of shelling Donetsk on Monday."
    assert doc.article.language == "en" and doc.article.title is None


def test_paragraphs_are_separated_by_exactly_one_blank_line():
    doc = cleaned(f"  {LEDE}  \r\n\r\n\r\n{SECOND}\n   \n\n{THIRD}\n")
    assert doc.article.text == f"{LEDE}\n\n{SECOND}\n\n{THIRD}"


def test_one_paragraph_per_line_and_hard_wrapped_text():
    per_line = cleaned(f"{LEDE}\n{SECOND}\n{THIRD}")
    assert paragraphs(per_line) == [LEDE, SECOND, THIRD]
    wrapped = ("The foreign ministers of Egypt and Jordan met in Cairo on Sunday to\n"
               "discuss a proposal for a regional water-sharing agreement, officials\n"
               "said. The talks lasted four hours.\n\n" + SECOND)
    assert paragraphs(cleaned(wrapped)) == [LEDE + " The talks lasted four hours.", SECOND]


def test_whitespace_is_normalised_and_curly_quotes_kept():
    doc = cleaned("Ministers\u00a0met  in\tCairo\u200b on “Sunday”.")
    assert doc.article.text == "Ministers met in Cairo on “Sunday”."


@pytest.mark.parametrize("debris", [
    "Advertisement",
    "Skip to main content",
    "Back to top",
    "Share on Facebook Share on Twitter Email",
    "Share this article",
    "Subscribe to our daily newsletter for the latest headlines",
    "We use cookies to improve your experience. By continuing to browse you accept our cookie policy.",
    "Accept all cookies",
    "Photo: Amr Nabil/AP",
    "FILE PHOTO: Egypt's foreign minister speaks in Cairo, Egypt, March 1, 2021. REUTERS/Amr Abdallah",
    "Ministers arrive for the talks in Cairo. (AP Photo/Amr Nabil)",
    "Delegates arrive in Cairo. (Photo by Khaled Desouki/AFP via Getty Images)",
    "© 2021 Nile Wire. All rights reserved.",
    "Copyright 2021 The Associated Press. All rights reserved.",
    "Reporting by Aidan Lewis; Editing by Toby Chopra",
    "(Reporting by Aidan Lewis in Cairo; additional reporting by Suleiman Al-Khalidi in Amman)",
    "Associated Press writer Samy Magdy in Cairo contributed to this report.",
    "Tags: Egypt, Jordan, Water",
    "Topics: Middle East",
    "Read more: Why the dam matters to Egypt",
    "Related: Sudan joins talks on Nile dam",
    "Follow us on Twitter",
    "Home > World > Middle East",
    "Story continues below advertisement",
    "https://example.org/video/1234",
    "Advertisement - Scroll to continue",
    "Click to share on Twitter (Opens in new window)",
    "Sign in",
    "Image source, Getty Images",
    "Image caption, Ministers arrive for the talks in Cairo",
    "REUTERS/Amr Abdallah Dalsh",
    "This article is more than 2 years old",
    "MORE: Sudan joins talks on Nile dam",
    "WATCH: Ministers arrive in Cairo",
    "Comments (12)",
    "Listen · 3:45 min",
])
def test_debris_lines_are_dropped(debris):
    doc = cleaned(f"{LEDE}\n\n{debris}\n\n{SECOND}\n\n{THIRD}")
    assert paragraphs(doc) == [LEDE, SECOND, THIRD]


@pytest.mark.parametrize("embed", [
    "[video-player id=8812 autoplay=false]",
    "[related-articles ids=12,13]",
    "[embed]https://video.example.org/clip/22[/embed]",
    "[caption id=\"a1\" align=\"left\"]Ministers in Cairo.[/caption]",
    "{{ad_slot_3}}",
])
def test_embed_and_player_residue_is_removed(embed):
    doc = cleaned(f"{LEDE} {embed}\n\n{embed}\n\n{SECOND}")
    assert paragraphs(doc) == [LEDE, SECOND]


def test_related_articles_block_with_its_link_titles_is_removed():
    text = (f"{LEDE}\n\nRelated Articles\nSudan joins talks on Nile dam\nWhat is the Grand Ethiopian "
            f"Renaissance Dam?\nEgypt's water crisis, explained\n\n{SECOND}\n\n{THIRD}")
    assert paragraphs(cleaned(text)) == [LEDE, SECOND, THIRD]


def test_trailing_link_list_after_the_story_is_removed():
    text = f"{LEDE}\n\n{SECOND}\n\n{THIRD}\n\nMost Popular\nFloods hit Alexandria\nMarkets rally on rate cut"
    assert paragraphs(cleaned(text)) == [LEDE, SECOND, THIRD]


def test_short_closing_paragraph_of_a_short_text_is_kept():
    assert paragraphs(cleaned("Russia shelled Kharkiv.\n\nUkraine protested")) == [
        "Russia shelled Kharkiv.", "Ukraine protested"]


def test_header_title_labels_byline_and_published_line():
    text = ("World News Today\nMiddle East\n\nEgypt and Jordan hold water talks in Cairo\n\n"
            "By Aidan Lewis and Maha El Dahan, Reuters\nPublished: March 7, 2021 10:41 AM GMT\n\n"
            f"CAIRO, March 7 (Reuters) - {LEDE}\n\n{SECOND}\n\n{THIRD}")
    article = cleaned(text).article
    assert article.title == "Egypt and Jordan hold water talks in Cairo"
    assert article.authors == ["Aidan Lewis", "Maha El Dahan"]
    assert article.source == "Reuters" and article.published == "2021-03-07"
    assert article.dateline == "CAIRO, March 7 (Reuters)"
    assert article.text == f"{LEDE}\n\n{SECOND}\n\n{THIRD}"


@pytest.mark.parametrize("byline, authors, source", [
    ("By Jane Doe", ["Jane Doe"], None),
    ("BY JANE DOE, Associated Press", ["JANE DOE"], "Associated Press"),
    ("By Jane Doe in Amman and John Roe in Cairo", ["Jane Doe", "John Roe"], None),
    ("By Jane Doe, Staff Writer", ["Jane Doe"], None),
    ("By Carla Jiménez, Atlantic Wire Service", ["Carla Jiménez"], "Atlantic Wire Service"),
    ("By Ji-won Park | March 7, 2021", ["Ji-won Park"], None),
    ("By JANE DOE\nAssociated Press", ["JANE DOE"], "Associated Press"),
    ("By Jane Doe and John Roe, CNN Updated 10:41 AM ET, Thu December 30, 2021", ["Jane Doe", "John Roe"], "CNN"),
])
def test_bylines_become_authors(byline, authors, source):
    article = cleaned(f"{byline}\n\n{LEDE}\n\n{SECOND}").article
    assert article.authors == authors and article.source == source
    assert article.text == f"{LEDE}\n\n{SECOND}"


def test_sentence_starting_with_by_is_not_a_byline():
    text = f"By Tuesday, the army had withdrawn from the border towns.\n\n{SECOND}"
    doc = cleaned(text)
    assert doc.article.authors == [] and paragraphs(doc)[0].startswith("By Tuesday")


@pytest.mark.parametrize("prefix, dateline", [
    ("KYIV, Ukraine (AP) — ", "KYIV, Ukraine (AP)"),
    ("WASHINGTON, Dec 30 (Reuters) - ", "WASHINGTON, Dec 30 (Reuters)"),
    ("TAIPEI/BEIJING, Aug 4 (Reuters) - ", "TAIPEI/BEIJING, Aug 4 (Reuters)"),
    ("NEW DELHI: ", "NEW DELHI"),
    ("KHARTOUM (AFP) -- ", "KHARTOUM (AFP)"),
    ("BEIRUT (AP) _ ", "BEIRUT (AP)"),
    ("Kyiv, Ukraine (AP) — ", "Kyiv, Ukraine (AP)"),
    ("MOSCOW — ", "MOSCOW"),
    ("SPRINGFIELD, Mo. (KYTV) -  ", "SPRINGFIELD, Mo. (KYTV)"),  # a local station's call sign
    ("MEXICO CITY (AP) ", "MEXICO CITY (AP)"),  # no dash after the agency
])
def test_datelines_are_recorded_and_stripped(prefix, dateline):
    article = cleaned(f"{prefix}{LEDE}\n\n{SECOND}").article
    assert article.dateline == dateline
    assert article.text == f"{LEDE}\n\n{SECOND}"


def test_no_dateline_in_ordinary_openings():
    for opening in ("Egypt - the most populous Arab country - said on Sunday it would talk.",
                    "President Joe Biden spoke with Vladimir Putin on Thursday."):
        article = cleaned(opening).article
        assert article.dateline is None and article.text == opening


def test_agency_dateline_sets_source_when_unknown():
    assert cleaned(f"CAIRO (AFP) — {LEDE}").article.source == "Agence France-Presse"
    assert cleaned(f"CAIRO (AFP) — {LEDE}", source="Nile Wire").article.source == "Nile Wire"


def test_html_page_main_text_and_metadata():
    doc = clean.run(RawArticle(id="g", html=(FIXTURES / "gulf-talks.html").read_text(encoding="utf-8")))
    article = doc.article
    assert article.title == "Iraq hosts talks between Iran and Saudi Arabia"
    assert article.published == "2021-04-18" and article.source == "Gulf Post"
    assert article.authors == ["Yusuf Rahimi"] and article.dateline == "BAGHDAD (Reuters)"
    assert paragraphs(doc)[0].startswith("Senior Saudi and Iranian officials held direct talks")
    assert len(paragraphs(doc)) == 3
    for debris in ("cookies", "Related Articles", "Yemen talks", "All rights reserved", "Home"):
        assert debris not in article.text
    assert doc.raw_html is not None


def test_raw_metadata_wins_over_page_metadata():
    page = (FIXTURES / "gulf-talks.html").read_text(encoding="utf-8")
    article = clean.run(RawArticle(id="g", html=page, title="Given title", published="19 April 2021",
                                   source="Given source")).article
    assert (article.title, article.published, article.source) == ("Given title", "2021-04-19", "Given source")


def test_tiny_html_fragment_falls_back_to_visible_text():
    doc = clean.run(RawArticle(id="f", html="<p>Russia accused Ukraine of shelling.</p><p>Kyiv denied it.</p>"))
    assert doc.article.text == "Russia accused Ukraine of shelling.\n\nKyiv denied it."


def test_residual_markup_in_text_input_is_stripped():
    text = (f'<p>{LEDE}</p><img src="https://example.org/dam.jpg" alt="The dam > the river">'
            f"<p>{SECOND}<br>{THIRD}</p><script>track('<p>');</script><!-- advert -->")
    assert paragraphs(cleaned(text)) == [LEDE, SECOND, THIRD]


def test_text_without_tags_keeps_its_angle_brackets_and_escaped_tags():
    assert clean.strip_markup("Inflation <5% while x > y.") == "Inflation <5% while x > y."
    assert cleaned(f"{LEDE} The memo quoted &lt;p&gt; tags.").article.text == f"{LEDE} The memo quoted <p> tags."


@pytest.mark.parametrize("value, iso", [
    ("2021-12-30", "2021-12-30"), ("2021-12-30T23:10:00+02:00", "2021-12-30"), ("20211230", "2021-12-30"),
    ("Thu, 30 Dec 2021 10:00:00 GMT", "2021-12-30"), ("December 30, 2021", "2021-12-30"),
    ("30 December 2021", "2021-12-30"), ("Dec. 30, 2021 at 11:58 p.m. EST", "2021-12-30"),
    ("30/12/2021", "2021-12-30"), ("2021/12/30", "2021-12-30"), ("25 janvier 2022", "2022-01-25"),
    ("December 30, 2021 / 10:41 AM / Updated 2 hours ago", "2021-12-30"), (1640822400, "2021-12-30"),
    ("1640822400000", "2021-12-30"), ("1640822400.5", "2021-12-30"),
    ("yesterday", None), ("2021", None), ("not a date", None), ("2021-02-30", None),
])
def test_published_dates_are_normalised(value, iso):
    assert clean.normalise_date(value) == iso


@pytest.mark.parametrize("value", [
    "December 30, 2021", "Dec. 30, 2021", "Sept 5 2021", "5 Sept. 2021", "30 december 2021", "MAY 3, 2021",
    "4 June, 2022", "2022/11/21", "2022.3.7"])
def test_written_english_dates_read_as_dateparser_reads_them(value):
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    assert clean._written_english_date(value) == parsed.date().isoformat()


@pytest.mark.parametrize("value", ["Friday, January 21, 2022", "Thurs. June 9, 2022", "Dec 30, 2021 10:00",
                                   "Decembre 30, 2021", "30 Dec 21", "December \u0663, 2021", "\u017fept 5, 2021",
                                   "2022/11.21", "22/07/2022", "February 30, 2022", "31 April 2021", "2021/02/29"])
def test_other_date_forms_are_left_to_dateparser(value):
    assert clean._written_english_date(value) is None


def test_warm_up_loads_the_language_identifier_and_date_locales():
    clean.warm_up()
    assert clean._language_identifier.cache_info().currsize == 1
    assert clean.normalise_date(clean.WARM_UP_DATES[-1]) == "2022-03-03"


def test_unreadable_published_date_is_a_warning_not_an_error():
    doc = cleaned(LEDE, published="sometime soon")
    assert doc.article.published is None and "sometime soon" in doc.warnings[0]


def test_crawl_date_is_the_last_resort_for_published():
    raw = RawArticle(id="w", text=LEDE, extra={"crawl_date": "2021-04-20"})
    assert clean.run(raw).article.published == "2021-04-20"


def test_language_detection():
    french = ("Le président français a rencontré le chancelier allemand mardi à Berlin pour discuter de la "
              "crise ukrainienne et des sanctions envisagées contre la Russie.")
    assert cleaned(french).article.language == "fr"
    assert cleaned("俄罗斯总统星期四与美国总统通电话，讨论乌克兰局势。双方同意继续对话。").article.language == "zh"
    assert cleaned("Президент России в четверг провел телефонный разговор с президентом США.").article.language == "ru"
    assert cleaned(LEDE).article.language == "en"
    assert cleaned("Zelensky urges EU sanctions").article.language == "en"
    assert cleaned("Putin, Xi talk Taiwan, Ukraine, gas in Beijing").article.language == "en"
    # a short English sentence full of names, which the language guesser gives to Italian at 0.92
    assert cleaned("Saudi Arabia deposited $1 billion in Pakistan's central bank.").article.language == "en"
    assert cleaned("Il governo ha approvato ieri una nuova legge sul lavoro.").article.language == "it"
    assert cleaned("Die Regierung hat am Dienstag neue Sanktionen beschlossen.").article.language == "de"


@pytest.mark.parametrize("raw", [
    RawArticle(id="e"), RawArticle(id="e", text="   \n\n "), RawArticle(id="e", html="<html><body></body></html>"),
    RawArticle(id="e", text="Advertisement\n\nShare on Facebook\n\nBack to top"),
])
def test_unusable_input_raises_bad_input(raw):
    with pytest.raises(clean.BadInput):
        clean.run(raw)


def test_verbatim_keeps_text_offsets_unchanged():
    text = "TITLE: A headline\nBEIRUT (AP) — Two  spaces stay.\n\n\nAdvertisement"
    article = clean.run(RawArticle(id="v", text=text, published="2021-01-02", extra={"verbatim": True})).article
    assert article.text == text and article.published == "2021-01-02" and article.dateline is None


def test_dateline_on_its_own_line():
    article = cleaned(f"HAVANA (AP) --\n\n{LEDE}\n\n{SECOND}").article
    assert article.dateline == "HAVANA (AP)" and article.text == f"{LEDE}\n\n{SECOND}"


def test_byline_and_dateline_opening_one_paragraph():
    article = cleaned(f"By Jane Doe. CAIRO (Reuters) - {LEDE}\n\n{SECOND}").article
    assert article.authors == ["Jane Doe"] and article.dateline == "CAIRO (Reuters)"
    assert article.text == f"{LEDE}\n\n{SECOND}"


@pytest.mark.parametrize("label", ["ORIGINAL STORY : ", "BREAKING: ", "EXCLUSIVE - ", "UPDATE — "])
def test_kicker_labels_are_not_datelines(label):
    text = f"{label}{LEDE}"
    assert cleaned(text).article.dateline is None and cleaned(text).article.text == text


def test_closing_figures_list_is_kept():
    figures = ["Total dead: 213", "Injured: 4,870", "Treated and discharged: 4,257"]
    text = "\n\n".join([LEDE, SECOND, THIRD, *figures])
    assert paragraphs(cleaned(text)) == [LEDE, SECOND, THIRD, *figures]


def test_mojibake_from_a_wrong_decoding_is_repaired():
    broken = ("“We will respond,” said the ministerâ€™s spokesman in SÃ£o Paulo."
              .replace("“", "â€œ").replace("”", "â€\x9d"))
    assert cleaned(broken).article.text == "“We will respond,” said the minister’s spokesman in São Paulo."
    assert cleaned("Temperatures rose 5Â°C on Monday.").article.text == "Temperatures rose 5°C on Monday."
    assert cleaned("Âge d’or in Zürich, 5Â°C.").article.text == "Âge d’or in Zürich, 5Â°C."  # mixed: left alone


def test_br_separated_page_with_repeated_paragraphs_and_bulleted_debris():
    page = ("<html><head><title>Talks resume in Doha</title></head><body><div>DOHA, Qatar (AP) — "
            f"{LEDE}<br><br>{SECOND}<br><br>{THIRD}<br><br>Related: <a href='/x'>Taliban names new cabinet</a>"
            "<br>Share this story<br>Advertisement<br><ul><li>Sign up for our newsletter</li></ul></div></body></html>")
    doc = clean.run(RawArticle(id="d", html=page))
    assert paragraphs(doc) == [LEDE, SECOND, THIRD]
    assert doc.article.title == "Talks resume in Doha" and doc.article.dateline == "DOHA, Qatar (AP)"


def test_bullet_markers_are_dropped_but_their_text_kept():
    assert paragraphs(cleaned(f"{LEDE}\n\n- {SECOND}\n\n• {THIRD}")) == [LEDE, SECOND, THIRD]


def test_embedded_posts_and_widgets_are_removed_from_pages():
    page = ("<html><head><title>Kenya calls for calm</title></head><body><article><h1>Kenya calls for calm</h1>"
            f"<p>{LEDE}</p><blockquote class='twitter-tweet'><p>We will move forward together.</p>"
            "— Jane Doe (@janedoe) August 15, 2022</blockquote><div class='newsletter signup'>Get our Africa "
            f"briefing every Friday</div><p>{SECOND}</p><div class='share-bar'>Facebook Twitter</div>"
            f"<p>{THIRD}</p></article></body></html>")
    assert paragraphs(clean.run(RawArticle(id="k", html=page))) == [LEDE, SECOND, THIRD]


def test_social_post_signature_lines_are_dropped():
    text = f"{LEDE}\n\n— Jane Doe (@janedoe) August 15, 2022\n\npic.twitter.com/AbC123\n\n{SECOND}"
    assert paragraphs(cleaned(text)) == [LEDE, SECOND]


def test_closing_quotes_in_doubled_apostrophes_end_sentences():
    closing = ["Patting the children on the head, the minister said they formed a powerful ''team.''",
               "''Not even the army can handle these kids,'' he joked. ''We hope they get their visas.''"]
    text = "\n\n".join([LEDE, SECOND, THIRD, *closing])
    assert paragraphs(cleaned(text)) == [LEDE, SECOND, THIRD, *closing]


def test_introducing_line_ending_with_a_colon_is_text():
    text = f"The Cairo daily said in an editorial on Monday, March 8:\n\n{LEDE}\n\n{SECOND}"
    doc = cleaned(text)
    assert doc.article.title is None and paragraphs(doc)[0].endswith("March 8:")


def test_pipeline_skips_nlp_for_non_english_articles(build_doc):
    french = ("Le président français a rencontré le chancelier allemand mardi à Berlin pour discuter de la "
              "crise ukrainienne et des sanctions envisagées contre la Russie.")
    doc = build_doc(french, until="events")
    assert doc.article.language == "fr" and doc.parse is None and doc.events == []


@pytest.mark.parametrize("page", ["\x0b<p>Ministers met in Riga on Monday to discuss energy.</p>\x0c",
                                  "<p>Ministers met in Riga on Monday.</p>\x0b\x0c<p>They agreed to talk.</p>"])
def test_vertical_tab_and_form_feed_between_tags_are_spaces_not_errors(page):
    doc = clean.run(RawArticle(id="p", html=page))
    assert "Ministers met in Riga" in doc.article.text and "\x0b" not in doc.article.text


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "99999999999999"])
def test_a_publication_date_beyond_the_calendar_is_unreadable_not_an_error(published):
    doc = clean.run(RawArticle(id="p", text="Ministers met in Riga on Monday.", published=published))
    assert doc.article.published is None and doc.warnings == [f"unreadable publication date {published!r}"]


# --- a short story is never taken for page debris (issue 14) ---------------------------------------

FLOOD = ("Flood waters forced hundreds of families from their homes in the river valley on Tuesday, "
         "local officials said.")
TALKS = "The two ministers agreed to resume border talks next month, a government spokesman said."
ARRESTS = "Police detained three protesters outside the parliament building late on Monday."
CURFEW = "Soldiers patrolled the capital after the curfew took effect, witnesses said"


@pytest.mark.parametrize("snippet, story", [
    (f"{FLOOD} Pic/AFP", FLOOD),
    (f"{TALKS} Photo: Reuters", TALKS),
    (f"{ARRESTS} (AP Photo)", ARRESTS),
    (f"{ARRESTS} (AP Photo/Jane Doe)", ARRESTS),
    (f"{FLOOD} REUTERS/Jane Doe", FLOOD),
    (f"{TALKS} Photo: Jane Doe/Reuters", TALKS),
    (f"{TALKS} - Picture courtesy: State Broadcaster", TALKS),
    (f"{CURFEW} (AFP/John Roe)", CURFEW),
    (f"{FLOOD}\nPic/AFP", FLOOD),
])
def test_one_paragraph_story_ending_with_a_photo_credit_keeps_its_prose(snippet, story):
    assert cleaned(snippet).article.text == story


def test_one_paragraph_story_with_a_dateline_and_a_credit():
    article = cleaned(f"RIVERTON: {FLOOD} Pic/AFP").article
    assert article.text == FLOOD and article.dateline == "RIVERTON"


def test_one_paragraph_story_with_its_headline_above_and_a_credit_below():
    article = cleaned(f"Floods force families from river valley homes\n\n{FLOOD} Pic/AFP").article
    assert article.text == FLOOD and article.title == "Floods force families from river valley homes"


def test_one_sentence_story_that_repeats_its_title_is_kept():
    assert cleaned(TALKS, title=TALKS).article.text == TALKS


def test_caption_among_other_paragraphs_is_still_dropped_whole():
    doc = cleaned(f"{LEDE}\n\nMinisters arrive for the talks in Cairo. (AP Photo/Amr Nabil)\n\n{SECOND}")
    assert paragraphs(doc) == [LEDE, SECOND]


def test_credit_ending_a_kept_paragraph_is_stripped_and_credit_like_words_are_not():
    assert paragraphs(cleaned(f"{LEDE} Photo: Reuters\n\n{SECOND}")) == [LEDE, SECOND]
    for text in ("He cited a Reuters/Ipsos poll.", "The minister said he had seen a photo - the crowd was huge.",
                 "Officials said the photo: a fake, they insisted, made by rivals."):
        assert cleaned(text).article.text == text


@pytest.mark.parametrize("caption", [
    "FILE PHOTO: A minister speaks in Cairo, Egypt, March 1, 2021. REUTERS/Amr Abdallah",
    "Copyright 2021 The Associated Press. All rights reserved.",
    "Photo: Amr Nabil/AP",
])
def test_debris_that_is_not_prose_still_leaves_nothing(caption):
    with pytest.raises(clean.BadInput, match="empty"):
        cleaned(caption)


def test_strip_trailing_credit_leaves_a_bare_credit_alone():
    assert clean.strip_trailing_credit("Pic/AFP") == "Pic/AFP"
    assert clean.strip_trailing_credit(f"{FLOOD} Pic/AFP") == FLOOD
