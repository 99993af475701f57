"""Free-text themes for the reports (DESIGN §8, issue 12; ADR 0024): the answers to one open
question grouped into a few themes, each with its top terms and up to three representative
quotes, computed here with scikit-learn (TF-IDF and NMF): no model, no download, no network.

- **Deterministic.** The answers are taken in a fixed order, NMF starts from NNDSVDA (no
  random start) with a fixed random_state: the same answers give the same themes.
- **Disclosure.** Fewer than 5 answers (disclosure.THRESHOLD): no theme and no quote. A term
  is one used by at least 2 of the answers (one person's own words never become a term), and a
  theme is kept only when it is the main theme of at least 2 answers. k, the number of themes,
  is one per 5 answers, at most 5, and never more than the terms allow.
- **Quotes** come only from people who agreed to be quoted (the caller says who: a young
  person's `may_quote_anonymously`; a member of staff who chose to be named), are the answers
  with the highest weight for the theme among those whose main theme it is, have the names of
  people and places known to the system replaced by "[name]" and "[home]" / "[school]", and
  are cut at a word boundary near QUOTE_LENGTH characters.
- **Welsh** answers are treated as they are: they take part like any other answer, with a
  short list of Welsh function words added to scikit-learn's built-in English stop words so
  that "yn" or "mae" never become a term. A Welsh quote is quoted in Welsh.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from leaver.reports.disclosure import THRESHOLD

MAX_THEMES = 5
ANSWERS_PER_THEME = 5
MIN_THEME_ANSWERS = 2  # a theme must be the main theme of this many answers
TERMS = 5
QUOTES = 3
QUOTE_LENGTH = 200
# Above this many answers to a question, the themes are computed on an evenly spread sample
# of this size (the same every time): they stay representative, and a report over 100,000
# interviews stays a matter of seconds.
SAMPLE = 5000
NAME = "[name]"
WORD = r"(?u)\b[^\W\d_]{3,}\b"  # a term: a word of 3 letters or more, no digits

# Common Welsh function words, so a Welsh answer's grammar does not become a theme.
WELSH_STOP_WORDS = frozenset({
    "a", "ac", "ag", "am", "ar", "at", "beth", "bod", "bydd", "chi", "dan", "dim", "ddim",
    "dros", "dw", "dy", "e", "ei", "eich", "ein", "eithaf", "eu", "fe", "fel", "fi", "fy",
    "gan", "gyda", "gydag", "hefyd", "hi", "hwn", "hyn", "hynny", "i", "iawn", "mae", "maen",
    "mewn", "na", "nad", "neu", "ni", "nhw", "nid", "o", "oedd", "oes", "ond", "os", "pa",
    "pan", "pe", "rhaid", "roedd", "rwy", "rydw", "sy", "sydd", "trwy", "un", "wedi", "wrth",
    "y", "yma", "ydw", "ydy", "yn", "yr", "yw",
})


@dataclass(frozen=True)
class Response:
    """One free-text answer, with whether its author agreed to be quoted and their own
    names (replaced in a quote like any other known name)."""

    text: str
    may_quote: bool
    own_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Theme:
    terms: tuple[str, ...]
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class ItemThemes:
    """The themes of one open question: `answers` is how many answered it."""

    key: str
    question: str
    answers: int
    themes: tuple[Theme, ...]

    @property
    def answers_text(self) -> str:
        return "fewer than 5" if 0 < self.answers < THRESHOLD else f"{self.answers:,}"

    @property
    def enough(self) -> bool:
        """Whether there are enough answers for themes at all."""
        return self.answers >= THRESHOLD


class Redactor:
    """Replaces the names of people and places known to the system, as whole words and
    whatever their case, the longest name first (so "Oak House" goes before "Oak").

    One exception, for readability: a single name that is also a common English word
    ("Will", "May") is replaced only when written with a capital letter.

    The names are indexed once by their first word, and a text is read word by word: the cost
    of an answer does not grow with the number of people in the organisation."""

    def __init__(self, people: Iterable[str], places: Iterable[str], place_word: str) -> None:
        self.place_word = place_word
        self._people = _Names(_words(people))
        self._places = _Names({" ".join(p.split()) for p in places if len(p.strip()) > 1})

    def redact(self, text: str, own_names: Sequence[str] = ()) -> str:
        """`text` with every known place and name replaced by its placeholder."""
        text = self._places.replace(text, self.place_word)
        return self._people.replace(text, NAME, _Names(_words(own_names)))

    def strip(self, text: str, own_names: Sequence[str] = ()) -> str:
        """`text` with the known names taken out: what the themes are computed from."""
        redacted = self.redact(text, own_names)
        return redacted.replace(NAME, " ").replace(self.place_word, " ")


def _words(names: Iterable[str]) -> set[str]:
    """Each full name and each of its parts (first and last names)."""
    found: set[str] = set()
    for name in names:
        name = " ".join(name.split())
        if len(name) > 1:
            found.add(name)
        found.update(part for part in re.split(r"[\s-]+", name) if len(part) > 1)
    return found


@functools.cache
def _english_stop_words() -> frozenset[str]:
    # Imported when first needed: loading scikit-learn takes a second or more.
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


_TOKEN = re.compile(r"\w+")
_BETWEEN = re.compile(r"[\s-]+")  # what may stand between the words of one name


class _Names:
    """Names indexed by their first word (case-folded), then by their number of words: a
    word is checked against each length once (a set lookup), however many names share it."""

    def __init__(self, names: Iterable[str]) -> None:
        common = _english_stop_words()
        self._index: dict[str, dict[int, set[tuple[str, ...]]]] = {}
        self._lengths: dict[str, list[int]] = {}
        self._common: set[str] = set()
        for name in names:
            words = tuple(w.casefold() for w in _TOKEN.findall(name))
            if not words:
                continue
            self._index.setdefault(words[0], {}).setdefault(len(words), set()).add(words)
            if len(words) == 1 and words[0] in common:
                self._common.add(words[0])
        for first, by_length in self._index.items():
            self._lengths[first] = sorted(by_length, reverse=True)  # the longest first

    def match(self, text: str, tokens: list[re.Match[str]], at: int) -> int:
        """How many words from `at` are a name (0: none)."""
        first = tokens[at].group().casefold()
        for length in self._lengths.get(first, ()):
            end = at + length
            if end > len(tokens) or tuple(
                    t.group().casefold() for t in tokens[at:end]) not in self._index[
                    first][length]:
                continue
            if any(not _BETWEEN.fullmatch(text[tokens[i].end():tokens[i + 1].start()])
                   for i in range(at, end - 1)):
                continue
            if length == 1 and first in self._common:
                word = tokens[at].group()
                if word != word[:1].upper() + word[1:].lower():
                    continue
            return length
        return 0

    def replace(self, text: str, placeholder: str, extra: _Names | None = None) -> str:
        tokens = list(_TOKEN.finditer(text))
        parts: list[str] = []
        last = at = 0
        while at < len(tokens):
            length = max(self.match(text, tokens, at),
                         extra.match(text, tokens, at) if extra is not None else 0)
            if length:
                parts += [text[last:tokens[at].start()], placeholder]
                last = tokens[at + length - 1].end()
                at += length
            else:
                at += 1
        return "".join([*parts, text[last:]])


def number_of_themes(answers: int) -> int:
    """One theme per 5 answers, at most MAX_THEMES; none under the threshold."""
    if answers < THRESHOLD:
        return 0
    return max(1, min(MAX_THEMES, answers // ANSWERS_PER_THEME))


def truncate(text: str, length: int = QUOTE_LENGTH) -> str:
    """`text` on one line, cut at the last word boundary before `length` characters."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0].rstrip(",;:.-–—")
    return f"{cut}…"


def themes(responses: Sequence[Response], redactor: Redactor) -> tuple[Theme, ...]:
    """The themes of `responses` (in the caller's fixed order), most common first."""
    given = [r for r in responses if r.text.strip()]
    if len(given) > SAMPLE:
        given = [given[i * len(given) // SAMPLE] for i in range(SAMPLE)]
    used = [(r, redactor.strip(r.text, r.own_names)) for r in given]
    k = number_of_themes(len(used))
    if not k:
        return ()
    from sklearn.decomposition import NMF
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    vectorizer = TfidfVectorizer(
        stop_words=sorted(ENGLISH_STOP_WORDS | WELSH_STOP_WORDS), min_df=2,
        max_features=1000, token_pattern=WORD, sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform([text for _, text in used])
    except ValueError:  # no term used by two answers
        return ()
    vocabulary = vectorizer.get_feature_names_out()
    k = min(k, len(vocabulary), len(used))
    model = NMF(n_components=k, init="nndsvda", random_state=0, max_iter=500)
    with warnings.catch_warnings():
        # A few short answers may not converge within max_iter: the themes are still the
        # same every time (a fixed start), and good enough to read.
        warnings.simplefilter("ignore", ConvergenceWarning)
        # Answers that repeat the same few wordings are reconstructed exactly: NMF's error
        # measure (reconstruction_err_, not used here) is then the square root of a tiny
        # negative rounding error. The weights are sound.
        warnings.filterwarnings("ignore", "invalid value encountered in sqrt", RuntimeWarning)
        weights = model.fit_transform(matrix)
    main = weights.argmax(axis=1)
    has_theme = weights.max(axis=1) > 0
    found: list[tuple[int, Theme]] = []
    for topic in range(k):
        members = [i for i in range(len(used)) if has_theme[i] and main[i] == topic]
        if len(members) < MIN_THEME_ANSWERS:
            continue
        order = model.components_[topic].argsort()[::-1]
        terms = tuple(str(vocabulary[t]) for t in order[:TERMS]
                      if model.components_[topic][t] > 0)
        quotes: list[str] = []
        for i in sorted(members, key=lambda i: (-weights[i, topic], i)):
            response = used[i][0]
            if not response.may_quote:
                continue
            quote = truncate(redactor.redact(response.text, response.own_names))
            if quote not in quotes:
                quotes.append(quote)
            if len(quotes) == QUOTES:
                break
        found.append((len(members), Theme(terms, tuple(quotes))))
    return tuple(theme for _, theme in sorted(found, key=lambda f: -f[0]))


def theme_rows(found: ItemThemes) -> Iterator[tuple[str, str, str, str]]:
    """The CSV rows of one question's themes: the number of answers, each theme's terms and
    quotes (user text: the CSV writer makes every cell formula-safe)."""
    table = f"Themes: {found.question}"
    yield table, "Answers", "Count", found.answers_text
    for number, theme in enumerate(found.themes, start=1):
        yield table, f"Theme {number}", "Top terms", ", ".join(theme.terms)
        for place, quote in enumerate(theme.quotes, start=1):
            yield table, f"Theme {number}", f"Quote {place}", quote
