"""Legacy Vietnamese encodings read as Latin-1: TCVN3 (ABC) and VNI.

Documents typed before Unicode used 8-bit fonts; copied as text they show up
as mojibake (``bé tµi chÝnh`` is TCVN3 for ``bộ tài chính``, ``Caên cöù`` is VNI
for ``Căn cứ``). :func:`detect` picks the encoding of a text from characters
that no Unicode Vietnamese text contains; :func:`decode_line` converts one
line, returning the decoded text and, for every output character, the index
of the source character it came from (VNI writes a letter as a base letter
followed by mark characters, so it shortens lines).

Lines that already hold genuine Unicode Vietnamese letters are left alone: a
legacy document often has a few lines added later in Unicode.

Limits: TCVN3 upper case came from a separate font (``.VnTimeH``) that uses the
lower-case codes, so such lines decode to lower case.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["TCVN3", "VNI", "decode_line", "detect"]

TCVN3 = "tcvn3"
VNI = "vni"

# TCVN3: one character per letter (U+2212 is the PDF extraction of its "ư").
# fmt: off
_TCVN3_SOURCE = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦\u2212"
_TCVN3_TARGET = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯư"
# fmt: on
_TCVN3_TABLE = str.maketrans(_TCVN3_SOURCE, _TCVN3_TARGET)
# Characters only TCVN3 text has (never in Unicode Vietnamese or plain Latin-1 prose).
_TCVN3_MARKERS = re.compile("[µ¸¶·¹¨»¾¼½©®ª«¬\u00ad§¡¢£¤¥¦×Þß÷þ]")

# VNI: letters that are single characters.
_VNI_LETTERS = {
    "ñ": "đ", "Ñ": "Đ", "ö": "ư", "Ö": "Ư", "ô": "ơ", "Ô": "Ơ",
    "ò": "ị", "Ò": "Ị", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip
# VNI: marks written after the vowel they modify: (shape, tone) as combining characters.
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
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
# VNI text: a vowel followed by a mark character, or a VNI-only letter.
_VNI_MARKERS = re.compile("[aeiouyAEIOUY][âáàåãäêéèúüëùøûõïÂÁÀÅÃÄÊÉÈÚÜËÙØÛÕÏ]|[ñöÑÖ]")
# Evidence for detection: pairs no Unicode Vietnamese has ("iê", "uâ" are real words,
# "aâ", "oø" are not), and marks OCR of Unicode text does not produce.
_VNI_EVIDENCE = re.compile("[aeoAEO][âÂ]|[aA][êÊ]|[aeiouyAEIOUY][äåëüøûïÄÅËÜØÛÏ]|[ñÑ]")
_SAMPLE = 20_000  # characters looked at by detect()
# The commonest TCVN3 letters (à á đ ư ơ ô ă â ê ạ): real TCVN3 text has many kinds.
_TCVN3_EVIDENCE = re.compile("[µ¸®\u00ad¬«¨©ª¹]")
# Genuine Unicode Vietnamese letters: a line holding one is not legacy text.
_UNICODE_VIETNAMESE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")


def detect(text: str) -> str | None:
    """``TCVN3``, ``VNI`` or ``None`` for ``text``: the legacy encoding whose marker
    characters clearly outnumber the genuine Unicode Vietnamese letters."""
    # An encoding belongs to the whole document: its first pages are evidence enough,
    # and looking no further keeps this cheap on long texts.
    sample = text[:_SAMPLE]
    # Gate with C-speed counts of each encoding's commonest marks: TCVN3 "à"/"á" are
    # "µ"/"¸"; VNI "đ" and the grave tone are "ñ"/"ø". Ordinary text has few of them.
    if sample.count("µ") + sample.count("¸") < 3 and sample.count("ñ") + sample.count("ø") < 3:
        return None
    tcvn3 = _TCVN3_EVIDENCE.findall(sample)
    vni = _VNI_EVIDENCE.findall(sample)
    best, found = (TCVN3, tcvn3) if len(tcvn3) >= len(vni) else (VNI, vni)
    # Several kinds of evidence, and more of it than genuine Unicode letters: OCR
    # debris (a stray "¢" or "ñ") is neither frequent nor varied.
    if len(found) < 10 or len(set(found)) < 4:
        return None
    if len(found) < 2 * len(_UNICODE_VIETNAMESE.findall(sample)):
        return None
    return best


def decode_line(line: str, encoding: str) -> tuple[str, list[int]] | None:
    """Decode one line, or ``None`` when it holds no legacy text (or genuine Unicode).

    Returns the decoded text and the source index of every decoded character.
    """
    if _UNICODE_VIETNAMESE.search(line) is not None:
        return None
    if encoding == TCVN3:
        if _TCVN3_MARKERS.search(line) is None and not any(ch in line for ch in "ÝÐÌÒÕÖÎÏÑèéìíîïñòóôõùúûüýãäåæçë"):
            return None
        decoded = line.translate(_TCVN3_TABLE)
        return (decoded, list(range(len(line)))) if decoded != line else None
    if _VNI_MARKERS.search(line) is None and not any(ch in line for ch in _VNI_LETTERS):
        return None
    return _decode_vni(line)


def _decode_vni(line: str) -> tuple[str, list[int]]:
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(line):
        mark = _VNI_MARKS.get(ch)
        if mark is not None and out and out[-1][-1:] in _VOWELS:
            shape, tone = mark
            out[-1] = unicodedata.normalize("NFC", unicodedata.normalize("NFD", out[-1]) + shape + tone)
            continue
        letter = _VNI_LETTERS.get(ch)
        out.append(letter if letter is not None else ch)
        index.append(i)
    return "".join(out), index
