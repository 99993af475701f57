"""Free-text themes (ADR 0024): computed offline and deterministically, never under 5 answers,
quotes only from people who agreed, names of people and places replaced."""

from __future__ import annotations

from leaver.reports.themes import (
    QUOTE_LENGTH,
    Redactor,
    Response,
    number_of_themes,
    themes,
    truncate,
)

NOBODY = Redactor([], [], "[home]")

# Ten answers in two clear groups: the pay (five) and the staff at night (five).
PAY = ["The pay was too low", "Better pay for the hours", "Pay rise every year",
       "Pay that matched the job", "Fair pay and a pay rise"]
NIGHT = ["More staff at night", "Staff awake at night", "Night staff who listened",
         "Staff at night to talk to", "Kind night staff"]


def answers(quote: bool = True) -> list[Response]:
    return [Response(text, quote) for text in PAY + NIGHT]


def test_two_groups_of_answers_make_two_themes_with_their_terms():
    # By hand: after the stop words, the terms used by two answers or more are "pay" (5),
    # "rise" (2), "staff" (5) and "night" (5).
    found = themes(answers(), NOBODY)
    assert {theme.terms for theme in found} == {("pay", "rise"), ("staff", "night")}
    for theme in found:
        group = PAY if "pay" in theme.terms else NIGHT
        assert len(theme.quotes) == 3
        assert set(theme.quotes) <= set(group)


def test_the_same_answers_give_the_same_themes():
    assert themes(answers(), NOBODY) == themes(answers(), NOBODY)


def test_no_theme_and_no_quote_under_5_answers():
    four = [Response(text, True) for text in PAY[:4]]
    assert themes(four, NOBODY) == ()
    assert number_of_themes(4) == 0
    assert [number_of_themes(n) for n in (5, 9, 10, 24, 25, 1000)] == [1, 1, 2, 4, 5, 5]


def test_quotes_come_only_from_people_who_agreed():
    agreed = {PAY[0], NIGHT[1]}
    found = themes([Response(text, text in agreed) for text in PAY + NIGHT], NOBODY)
    quoted = {quote for theme in found for quote in theme.quotes}
    assert quoted == agreed
    # Nobody agreed: the themes are still there (they are aggregates), with no quote.
    found = themes(answers(quote=False), NOBODY)
    assert len(found) == 2
    assert all(theme.quotes == () for theme in found)


def test_a_word_only_one_person_used_is_never_a_term():
    found = themes(answers(), NOBODY)
    terms = {term for theme in found for term in theme.terms}
    assert "matched" not in terms
    assert "listened" not in terms
    assert terms <= {"pay", "rise", "staff", "night"}


def test_names_of_people_and_places_are_replaced_as_whole_words_whatever_their_case():
    redactor = Redactor(["Helen Carter", "Will Price"], ["Oak House"], "[home]")
    said = "helen CARTER at oak house; Carterton is far; Helen's room; Drew said so"
    assert redactor.redact(said, ["Drew Smith"]) == (
        "[name] at [home]; Carterton is far; [name]'s room; [name] said so")
    # A name that is also a common word is replaced only with its capital letter.
    assert redactor.redact("Will said we will go") == "[name] said we will go"


def test_names_are_replaced_in_quotes_and_never_become_terms():
    redactor = Redactor(["Sam Lee"], ["Oak House"], "[home]")
    said = [Response(f"{text} Sam Lee at Oak House", True) for text in PAY]
    [theme] = themes(said, redactor)
    assert "sam" not in theme.terms
    assert "oak" not in theme.terms
    assert all(quote.endswith("[name] at [home]") for quote in theme.quotes)


def test_a_long_quote_is_cut_at_a_word():
    long = "word " * 100
    cut = truncate(long)
    assert len(cut) <= QUOTE_LENGTH + 1
    assert cut.endswith("word…")
    assert truncate("Short, on  two\nlines") == "Short, on two lines"


def test_welsh_answers_count_without_their_function_words_as_terms():
    welsh = ["Mae angen mwy o staff yn y nos", "Staff yn y nos os gwelwch yn dda",
             "Mwy o staff yn y nos", "Roedd y staff yn garedig yn y nos", "Staff nos"]
    [theme] = themes([Response(text, True) for text in welsh], NOBODY)
    assert {"yn", "mae", "roedd"}.isdisjoint(theme.terms)
    assert {"staff", "nos"} <= set(theme.terms)


def test_many_answers_repeating_a_few_wordings_still_make_themes():
    """Four wordings said 100 times each are reconstructed exactly; NMF's unused error
    measure then warns (a square root of a rounding error), which must not stop the report
    (the tests turn warnings into errors)."""
    pool = ["The staff were kind to me", "I liked my room and the food",
            "School was far away from the home", "I want more time with my family"]
    found = themes([Response(pool[i % 4], True) for i in range(400)],
                   Redactor([], [], "[home]"))
    assert len(found) == 4
    assert {quote for theme in found for quote in theme.quotes} == set(pool)
