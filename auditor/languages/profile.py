"""One language's knowledge (:class:`LanguageProfile`) and the registry the language modules add
themselves to."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex


def words(text: str) -> frozenset[str]:
    """Split a whitespace-separated word list into a frozenset (lists read better as prose)."""
    return frozenset(text.split())


@dataclass(frozen=True)
class LanguageProfile:
    """What the rules need to know about one language.

    Word sets are lower-case. Phrase lists are regular-expression fragments matched against a
    whole line, case-insensitively, after trimming.
    """

    code: str
    name: str
    function_words: frozenset[str]
    # Finite auxiliaries, copulas, modals and very frequent irregular finite verbs.
    finite_verbs: frozenset[str]
    # Endings that mark a finite verb form often enough to count as a verb candidate.
    finite_suffixes: tuple[str, ...]
    # Abbreviations that end in a full stop without ending the sentence (lower-case, no dot).
    abbreviations: frozenset[str]
    # Nouns and adjectives that house styles capitalise inside names and titles.
    title_words: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    # Present-tense endings: too common on nouns to mark a verb alone, so only the fragment rule
    # uses them, and only for words that do not follow an article or preposition.
    present_suffixes: tuple[str, ...] = ()
    # Endings of gerunds, participles and adverbs, words that are never part of a name (so a
    # capital on one inside a sentence is an artifact): "dizendo", "citado", "rencontrée".
    nonfinite_suffixes: tuple[str, ...] = ()
    # Articles, possessives and prepositions: a word right after one of these is not a finite verb.
    noun_markers: frozenset[str] = frozenset()
    # Articles and determiners: a word right after one of these sits inside a noun phrase, so a
    # sentence cannot end on it ("from the Rotterdam|The port authority").
    articles: frozenset[str] = frozenset()
    # Function words that typically open a sentence (determiners, pronouns, conjunctions,
    # prepositions): what a capital after a lost full stop looks like ("Abdulahian|In the ...").
    sentence_openers: frozenset[str] = frozenset()
    # Sentence adverbs and conjunctions that open a sentence before its subject ("However,",
    # "Contudo,", "Posteriormente,"): words that never end a name or a brand, so a capitalised one
    # right after a name is the next sentence run in ("Brassigny|However, he ...").
    connectives: frozenset[str] = frozenset()
    # Pronouns the function-word list leaves out (indefinite and reflexive: "something",
    # "themselves"), which the capital rule counts as function words: never a name.
    pronouns: frozenset[str] = frozenset()
    # Cardinal numbers above one: plural, so never the bare singular subject that a name can be
    # ("Three points", but "Variety reported"), though they open names ("Three Gorges").
    numerals: frozenset[str] = frozenset()
    # Common words that are also frequent place or person names ("China", "Turkey", "Jordan").
    name_homographs: frozenset[str] = frozenset()
    # Words that legitimately occur twice in a row ("had had", "nous nous").
    legit_doubles: frozenset[str] = frozenset()
    # Punctuation that this language's typography puts after a space (French ; : ! ? »).
    spaced_punctuation: str = ""
    # Letters that stand for an elided word before an apostrophe ("s’est", "l’a"): a name run
    # into one is glued to a word of its own ("Kavanaughs’est").
    elided: str = ""
    # Pronouns a hyphen joins to a verb ("tornou-se", "a-t-il"): a verb glued to a name keeps them.
    clitics: frozenset[str] = frozenset()
    boilerplate_lines: tuple[str, ...] = ()
    teaser_headings: tuple[str, ...] = ()
    inline_tails: tuple[str, ...] = ()
    disclaimers: tuple[str, ...] = ()
    relative_time: str = ""
    # Labels that open a time stamp ("Updated", "Publicado el", "Mis à jour le"): a line of such a
    # label and a date, a clock time or a relative time ("Atualizado há 7 horas") is furniture.
    stamp_labels: str = ""
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def pattern(self, *names: str, prefix: str = "", suffix: str = "") -> regex.Pattern:
        """A compiled, cached alternation of the phrase lists ``names``, optionally between a
        ``prefix`` and a ``suffix`` pattern."""
        key = (names, prefix, suffix)
        if key not in self._compiled:
            parts: list[str] = []
            for name in names:
                value = getattr(self, name)
                parts.extend([value] if isinstance(value, str) else value)
            body = "|".join(f"(?:{p})" for p in parts if p) or r"(?!x)x"
            self._compiled[key] = regex.compile(f"{prefix}(?:{body}){suffix}" if prefix or suffix else body,
                                                regex.IGNORECASE | regex.VERSION1)
        return self._compiled[key]


_PROFILES: dict[str, LanguageProfile] = {}


def register(profile: LanguageProfile) -> LanguageProfile:
    _PROFILES[profile.code] = profile
    return profile
