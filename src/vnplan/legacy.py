"""Legacy Vietnamese encodings read as Latin-1: TCVN3 (ABC) and VNI.

Documents typed before Unicode used 8-bit fonts; copied as text they show up
as mojibake (``bé tµi chÝnh`` is TCVN3 for ``bộ tài chính``, ``Caên cöù`` is VNI
for ``Căn cứ``). Real files mix them: a TCVN3 report with a VNI table, a
line retyped in Unicode (``tại QuyÕt ®ịnh sè …``), an all-capitals VNI text
with no lower-case letter at all. So decoding is decided **word by word**,
with the evidence of the word's line:

1. :func:`decoder` gates a text cheaply: without enough characters that only
   legacy text holds it returns ``None`` and nothing is ever decoded (no
   Unicode text is touched).
2. For each word, the raw form and its TCVN3 and VNI readings are tested as
   Vietnamese syllables (:func:`is_syllable`). A word only one reading makes
   Vietnamese is decided; the line's decided words vote, and the words every
   reading (or none) makes Vietnamese follow the line's vote, else the text's
   dominant encoding. A word holding a letter only Unicode has (``ị``) keeps
   its letters and has only its legacy-only characters (``®``) mapped.
3. TCVN3 upper case came from a separate font (``.VnTimeH``) that reuses the
   lower-case codes: a decoded line whose ASCII letters are all capitals is
   written in capitals; a decoded line in lower case (but for one capitalised
   word, the typist's shift) may have been printed in capitals, and
   :attr:`Decoded.caseless` says so.

:meth:`Decoder.decode` returns the decoded line and, for every output
character, the index of the source character it came from (VNI writes a
letter as a base letter followed by mark characters, so it shortens lines).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata
from typing import NamedTuple

__all__ = ["TCVN3", "VNI", "Decoded", "Decoder", "decode_line", "decoder", "detect", "is_syllable"]

TCVN3 = "tcvn3"
VNI = "vni"

# TCVN3: one character per letter. U+2212 and U+2219 are what PDF extraction makes of
# its "ư" and "ã" (U+00AD and U+00B7).
# fmt: off
_TCVN3_SOURCE = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦\u2212\u2219"
_TCVN3_TARGET = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯưã"
# fmt: on
_TCVN3_MAP = dict(zip(_TCVN3_SOURCE, _TCVN3_TARGET, strict=True))
_TCVN3_TABLE = str.maketrans(_TCVN3_MAP)

# VNI: letters that are single characters.
_VNI_LETTERS = {
    "ñ": "đ", "Ñ": "Đ", "ö": "ư", "Ö": "Ư", "ô": "ơ", "Ô": "Ơ",
    "ò": "ị", "Ò": "Ị", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip
# VNI: marks written after the vowel they modify: (shape, tone) as combining characters.
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_VNI_MARKS = {
    "â": (_CIRCUMFLEX, ""), "á": (_CIRCUMFLEX, _ACUTE), "à": (_CIRCUMFLEX, _GRAVE),
    "å": (_CIRCUMFLEX, _HOOK), "ã": (_CIRCUMFLEX, _TILDE), "ä": (_CIRCUMFLEX, _DOT),
    "ê": (_BREVE, ""), "é": (_BREVE, _ACUTE), "è": (_BREVE, _GRAVE),
    "ú": (_BREVE, _HOOK), "ü": (_BREVE, _TILDE), "ë": (_BREVE, _DOT),
    "ù": ("", _ACUTE), "ø": ("", _GRAVE), "û": ("", _HOOK), "õ": ("", _TILDE), "ï": ("", _DOT),
}  # fmt: skip
_VNI_MARKS.update({k.upper(): v for k, v in list(_VNI_MARKS.items())})
_VOWELS = frozenset("aeiouyăâêôơưAEIOUYĂÂÊÔƠƯ")

#: Latin-1 letters that Vietnamese written in Unicode uses; every other Latin-1
#: character of a legacy table is a mark of legacy text.
_SHARED_LETTERS = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_TCVN3_ONLY = frozenset(_TCVN3_SOURCE) - _SHARED_LETTERS
_VNI_ONLY = (frozenset(_VNI_LETTERS) | frozenset(_VNI_MARKS)) - _SHARED_LETTERS
_LEGACY_CHARS = frozenset(_TCVN3_SOURCE) | frozenset(_VNI_LETTERS) | frozenset(_VNI_MARKS)

# The gate: characters that legacy text is full of and Unicode text almost never holds.
_GATE = re.compile("[" + re.escape("".join(sorted(_TCVN3_ONLY | _VNI_ONLY))) + "]")
_SAMPLE = 20_000  # characters looked at by the gate
# A word: letters and the legacy tables' symbols (µ, ®, ¸ ... stand for letters).
_WORD = re.compile("(?:[^\\W\\d_]|[" + re.escape("".join(sorted(_LEGACY_CHARS))) + "])+")


class Decoded(NamedTuple):
    """A decoded line: its text, the source index of each character, and whether
    its case is unknown (TCVN3 from the capitals font, written in lower-case codes)."""

    text: str
    positions: list[int]
    caseless: bool


def detect(text: str) -> str | None:
    """The text's dominant legacy encoding (``TCVN3``, ``VNI``), or ``None`` for Unicode text."""
    dec = decoder(text)
    return dec.dominant if dec is not None else None


def decoder(text: str) -> Decoder | None:
    """A :class:`Decoder` for ``text``, or ``None`` when it holds no legacy text.

    The gate counts legacy-only characters in the first pages: OCR debris (a
    stray ``¢`` or ``ñ``) is neither frequent nor varied, legacy text is both.
    The dominant encoding is the one more of the sampled words read as Vietnamese in.
    """
    sample = text[:_SAMPLE]
    found = _GATE.findall(sample)
    if len(found) < 10 or len(set(found)) < 4:
        return None
    votes = {TCVN3: 0, VNI: 0, None: 0}
    for m in _WORD.finditer(sample):
        word = m.group()
        if word.isascii():
            continue
        votes[_word_choice(word)[0]] += 1
    legacy = votes[TCVN3] + votes[VNI]
    # Genuine Unicode words clearly outnumber the legacy ones: a Unicode text quoting a few.
    if legacy < 5 or votes[None] > 2 * legacy:
        return None
    return Decoder(TCVN3 if votes[TCVN3] >= votes[VNI] else VNI)


def decode_line(line: str, encoding: str) -> tuple[str, list[int]] | None:
    """Decode one line as if its text's dominant encoding were ``encoding``
    (``None`` when nothing in it is legacy text)."""
    decoded = Decoder(encoding).decode(line)
    return None if decoded is None else (decoded.text, decoded.positions)


class Decoder:
    """Decodes the lines of one text (see the module docstring)."""

    def __init__(self, dominant: str) -> None:
        self.dominant = dominant

    def decode(self, line: str) -> Decoded | None:
        """The decoded line, or ``None`` when no word of it is legacy text."""
        if line.isascii():
            return None
        words = [m for m in _WORD.finditer(line) if not m.group().isascii()]
        if not words:
            return None
        choices = [_word_choice(m.group()) for m in words]
        votes = {TCVN3: 0, VNI: 0, None: 0}
        for encoding, sure in choices:
            if sure:
                votes[encoding] += 1
        legacy = votes[TCVN3] + votes[VNI]
        if votes[None] > legacy:
            line_encoding: str | None = None
        elif legacy:
            line_encoding = TCVN3 if votes[TCVN3] >= votes[VNI] else VNI
        else:
            line_encoding = self.dominant
        out: list[str] = []
        index: list[int] = []
        pos = 0
        changed = tcvn3_used = capitals = False
        for m, (encoding, sure) in zip(words, choices, strict=True):
            word = m.group()
            if not sure:
                encoding = line_encoding
            if encoding is None:
                continue
            # A word part Unicode, part legacy ("®ịnh") keeps its Unicode letters: no table maps them.
            if encoding == TCVN3:
                text, idx = word.translate(_TCVN3_TABLE), list(range(len(word)))
                ascii_letters = [ch for ch in word if ch.isascii() and ch.isalpha()]
                if len(ascii_letters) > 1 and all(ch.isupper() for ch in ascii_letters):
                    text = _upper(text)  # "PHÇN" typed in capitals: "PHẦN"
                    capitals = True
            else:
                text, idx = _decode_vni(word)
            if text == word:
                continue
            start = m.start()
            out.append(line[pos:start])
            index.extend(range(pos, start))
            out.append(text)
            index.extend(start + k for k in idx)
            pos = m.end()
            changed = True
            tcvn3_used = tcvn3_used or encoding == TCVN3
        if not changed:
            return None
        out.append(line[pos:])
        index.extend(range(pos, len(line)))
        decoded = "".join(out)
        caseless = False
        if tcvn3_used:
            ascii_letters = [ch for ch in line if ch.isascii() and ch.isalpha()]
            if capitals and all(ch.isupper() for ch in ascii_letters):
                # The capitals font: a word typed in ASCII capitals ("CéNG") and no
                # lower-case letter on the line: the short words ("X·") are capitals too.
                decoded = _upper(decoded)
            else:
                # Typed in the capitals font, the line reads in lower case but for the
                # odd capital the typist shifted ("céng hoµ ... ViÖt nam").
                shifted = [w for w in decoded.split() if w[:1].isupper()]
                caseless = len(shifted) <= 1 and not any(len(w) > 1 and w.isupper() for w in shifted)
        return Decoded(decoded, index, caseless)


def _word_choice(word: str) -> tuple[str | None, bool]:
    """(reading, decided) for one word: the reading among raw (``None``), TCVN3
    and VNI that alone makes it the most Vietnamese (a syllable real text uses,
    else a well-formed one); else (``None``, ``False``)."""
    if len(word) == 1:
        # One character alone ("­" as a bullet, "ư" or not): too little to decide on.
        return None, False
    tcvn3 = word.translate(_TCVN3_TABLE)
    vni = _decode_vni(word)[0]
    scores = (_score(word), _score(tcvn3) if tcvn3 != word else -1, _score(vni) if vni != word else -1)
    best = max(scores)
    if best <= 0 or scores.count(best) > 1:
        return None, False
    return (None, TCVN3, VNI)[scores.index(best)], True


def _score(word: str) -> int:
    """2: a syllable Vietnamese text uses; 1: a well-formed one; 0: not Vietnamese."""
    lower = word.lower()
    if lower in _known_syllables():
        return 2
    return 1 if is_syllable(word) else 0


@functools.lru_cache(maxsize=1)
def _known_syllables() -> frozenset[str]:
    """The syllables of ``data/syllables.txt`` (made by ``scripts/make_syllables.py``)."""
    data = importlib.resources.files("vnplan").joinpath("data/syllables.txt")
    return frozenset(data.read_text(encoding="utf-8").split())


def _upper(text: str) -> str:
    """``text`` in capitals, where that keeps its length (the column maps rely on it)."""
    upper = text.upper()
    return upper if len(upper) == len(text) else text


def _decode_vni(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        mark = _VNI_MARKS.get(ch)
        if mark is not None and out and out[-1][-1:] in _VOWELS:
            shape, tone = mark
            base = unicodedata.normalize("NFD", out[-1])
            # "ö" (ư) and "ô" (ơ) before a mark character already carry their horn.
            out[-1] = unicodedata.normalize("NFC", base + shape + tone)
            continue
        letter = _VNI_LETTERS.get(ch)
        out.append(letter if letter is not None else ch)
        index.append(i)
    return "".join(out), index


# ------------------------------------------------------------ syllables --
_TONE_MARKS = frozenset((_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT))
_INITIALS = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?"
# Nuclei that take a final consonant, and those that end the syllable (with a glide).
_CLOSED = "a|ă|â|e|ê|i|y|o|ô|ơ|u|ư|oa|oă|oe|uâ|uê|uy|uyê|iê|yê|uô|ươ|ua|uơ"
_OPEN = (
    "a|e|ê|i|y|o|ô|ơ|u|ư|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oa|oe|oi|ôi|ơi|ua|uê|ui|uơ|uy|ưa|ưi|ưu|"
    "oai|oay|oao|oeo|uây|uôi|uya|uyu|ươi|ươu|iêu|yêu"
)
_SYLLABLE = re.compile(rf"{_INITIALS}(?:(?P<closed>{_CLOSED})(?P<final>ch|ng|nh|[cmnpt])|(?:{_OPEN}))")
_STOP_FINALS = frozenset(("c", "ch", "p", "t"))


@functools.lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether ``word`` is one Vietnamese syllable (any case), or an abbreviation in
    capitals made of Vietnamese letters (``QĐ``, ``HĐND``): the test that tells
    decoded text from mojibake."""
    letters = unicodedata.normalize("NFD", word)
    tones = [c for c in letters if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in letters if c not in _TONE_MARKS))
    if not all(("a" <= c <= "z") or c in "ăâêôơưđ" for c in base.lower()):
        return False
    if not tones and base.isupper() and 1 < len(base) <= 6 and word.isupper() and word == base:
        return True  # an abbreviation: QĐ, UBND, HĐND
    m = _SYLLABLE.fullmatch(base.lower())
    if m is None:
        return False
    # A syllable closed by a stop takes the rising or the heavy tone only.
    return not (m.group("final") in _STOP_FINALS and (not tones or tones[0] not in (_ACUTE, _DOT)))
