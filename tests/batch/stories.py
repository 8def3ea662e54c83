"""Short wire-style stories written for these tests, and a helper that lays them out as input files."""
from __future__ import annotations

from pathlib import Path

STORIES = {
    "summit": ("GENEVA - U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva on Wednesday "
               "for talks on strategic stability, officials said.\n\n\"It was a constructive meeting,\" Putin told "
               "reporters afterwards."),
    "shelling": ("KYIV - Russian forces shelled residential districts of Kharkiv overnight, killing at least four "
                 "civilians, Ukraine's emergency service said on Thursday.\n\nThe regional governor urged residents "
                 "to stay in shelters."),
    "sanctions": ("BRUSSELS - The European Union imposed new sanctions on Belarusian officials on Monday over the "
                  "crackdown on opposition protesters in Minsk.\n\nThe measures freeze the assets of 17 people."),
    "aid": ("NAIROBI - The World Food Programme said on Tuesday it would send 40,000 tonnes of food aid to drought-hit "
            "regions of Somalia and Kenya.\n\n\"Families are running out of time,\" a WFP spokeswoman said."),
    "protest": ("SANTIAGO - Tens of thousands of students marched through the Chilean capital on Friday to demand "
                "free university education, and police fired tear gas at a group that tried to reach the "
                "presidential palace."),
    "ceasefire": ("DOHA - Israel and Hamas agreed to a four-day ceasefire in Gaza on Wednesday after weeks of talks "
                  "mediated by Qatar and Egypt, the Qatari foreign ministry said.\n\nThe truce begins on Thursday."),
}
FRENCH = ("Le gouvernement français a annoncé mercredi une nouvelle série de mesures pour soutenir les agriculteurs "
          "touchés par la sécheresse dans le sud du pays.")

CITIES = ["LONDON", "PARIS", "BERLIN", "ROME", "MADRID", "WARSAW", "VIENNA", "ATHENS"]


def write_corpus(folder: Path, *, copies: int = 1, with_bad: bool = True) -> Path:
    """One .txt per story (``copies`` variants each, re-datelined), an exact copy, an empty and a French file."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        for name, text in STORIES.items():
            variant = text if n == 0 else f"{CITIES[n % len(CITIES)]} ({n}) - " + text.split(" - ", 1)[1]
            (folder / f"{name}-{n}.txt").write_text(variant, encoding="utf-8")
    if with_bad:
        (folder / "summit-copy.txt").write_text(STORIES["summit"], encoding="utf-8")
        (folder / "empty.txt").write_text("   \n", encoding="utf-8")
        (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    return folder
