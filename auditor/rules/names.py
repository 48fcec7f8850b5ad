"""truncated-name and name-variant: spellings of one name that disagree within a document."""

from __future__ import annotations

from itertools import dropwhile
from typing import Iterable

import regex
from rapidfuzz.distance import Levenshtein

from auditor.document import Token, next_token, previous_token
from auditor.findings import Finding, Severity
from auditor.lexicon import english_pos, english_proper_noun, fold, is_common_word, zipf
from auditor.names.knowledge import NameKnowledge, attestation
from auditor.names.variants import ESTABLISHED, is_doubled_ending
from auditor.rules.base import Context, Rule, register
from auditor.rules.fragment import has_finite_verb


# Endings that make a word of a word (plurals, a country of its demonym): a form without one
# ("Brexiteer", "Czechoslovak") may stand before a noun; only a function word shows the cut.
_WORD_ENDINGS = frozenset("s es ia an".split())

# Word-list attestation up to which a form that begins a longer name of the text may be its cut.
_ATTESTED_CUT = 4.5


@register
class TruncatedName(Rule):
    """A cut-off form of a name the text uses elsewhere ("Khamene He also praised" beside "Khamenei").

    Needs the full name in the same document, a form that is unattested as a name of its own, and
    either a one-off occurrence or a capitalised word right after it (the next sentence run in),
    which is how machine translation and scraping cut names. A final -h after a vowel
    ("Haniye"/"Haniyeh") is a transliteration choice, reported by name-variant instead.
    """

    id = "truncated-name"
    severity = Severity.ERROR
    fixable = True

    def check(self, ctx: Context) -> Iterable[Finding]:
        index = ctx.names
        text = ctx.doc.text
        # A cut that leaves a word of its own ("Molina" from "Molinari") counts only where the
        # text shows the cut: a one-off form with the next sentence run straight in.
        cut_off = index.truncations(_ATTESTED_CUT)
        # Cuts into a common word or a well-known name ("Pelo" of "Pelosa"), and cuts of a word the
        # text only ever capitalises ("Lantern" of "Lanterns"): only the text shows them.
        word_cuts = index.word_truncations(cut_off)
        # A repeated form that begins a longer name only by the rule's higher attestation (a
        # word of its own: "Palestinian" of "Palestinians") is never reported (see below): its
        # mentions are not looked at.
        wanted = [name for name, full in cut_off.items()
                  if index.counts[name] == 1 or index.truncation_of(name) == full] + list(word_cuts)
        if not wanted:
            return
        for mention in index.name_words_of(set(wanted)):
            name = mention.name
            full = cut_off.get(name) or word_cuts[name]
            tok = mention.token
            nxt = next_token(text, tok.end)
            run_in = _runs_in(nxt)
            if index.counts[name] > 1 and not run_in or is_doubled_ending(name, full) and not run_in:
                continue  # a final consonant written single is name-variant's unless a cut shows
            if ctx.in_boilerplate(tok.start, tok.end):
                continue
            end = tok.start + len(name)
            # "Khamene He also praised": a new sentence run in after the cut; restore its stop.
            opener = _next_sentence(ctx, name, full, nxt) if run_in and text[end:nxt.start].isspace() else None
            if name not in cut_off:
                # A word cut shows only inside a sentence ("dijo Pelo Varnholt es", not a
                # title-case headline), with the next sentence run in; a name of its own that
                # begins a longer one ("John" of "Johnson") is no cut.
                if opener is None or not _inside_sentence(text, tok.start) or english_proper_noun(name):
                    continue
            else:
                plain = index.truncation_of(name) == full
                if not plain and not (opener and index.counts[name] == 1):
                    continue
                if (not plain or full[len(name):] in ("s", "es")) and not opener:
                    continue  # a plural or a word of its own: only where the next sentence runs in
            yield self.finding(ctx, tok.start, end,
                               f"'{name}' looks cut off; the text elsewhere has '{full}'",
                               f"{full}." if opener is _STOP else full)


# _next_sentence's verdicts: the next word opens a sentence on a function word or a connective
# (the fix restores the full stop), or opens a clause (the fix restores the name only).
_STOP = object()
_CLAUSE = object()


def _next_sentence(ctx: Context, cut: str, full: str, nxt: Token) -> object | None:
    """Whether the capitalised word ``nxt`` right after a cut opens a new sentence: a function
    word or connective (_STOP), a word that opens a clause or a name that is a verb's subject
    (_CLAUSE), else None. After a cut that drops a word ending ("Dorney" of "Dorneys", a
    singular that may stand before a noun) only a function word, a connective or a finite verb
    (outside English) counts, or a subject name after a cut no word list knows."""
    profile = ctx.doc.profile
    low = nxt.text.lower()
    if low in profile.function_words or low in profile.sentence_openers or low in profile.connectives:
        return _STOP
    if full[len(cut):] in _WORD_ENDINGS:
        if ctx.doc.language != "en" and _finite_form(low, profile) and is_common_word(low, ctx.doc.language):
            return _CLAUSE  # "Dorney Sugirió que"
        return _CLAUSE if attestation(cut) < 1.0 and _subject_name(ctx, cut, nxt) else None
    if _opens_clause(ctx, nxt) or _subject_name(ctx, cut, nxt) or _titled_subject(ctx, nxt):
        return _CLAUSE
    return None


def _titled_subject(ctx: Context, nxt: Token) -> bool:
    """The word after a cut is a title that opens a capitalised name, and a finite verb follows
    the name ("Salvado Vice President Ana Reyes is now slated")."""
    doc = ctx.doc
    if nxt.text.lower() not in doc.profile.title_words:
        return False
    words = doc.words_in(nxt.end, nxt.end + 80)[:6]
    rest = list(dropwhile(lambda w: w[:1].isupper(), words))
    return len(rest) < len(words) and bool(rest) and _finite_form(rest[0], doc.profile)


def _subject_name(ctx: Context, cut: str, nxt: Token) -> bool:
    """The word after a cut is a name that the text elsewhere puts after another name word (so
    the cut is no given name of it: "Pelo Varnholt es" beside "Brett Varnholt"), with a finite
    verb right after it or after one lower-case word ("Varnholt es", "Lisboa siempre ha")."""
    doc = ctx.doc
    if is_common_word(nxt.text, doc.language) or not ctx.names.names_before(nxt.text) - {cut}:
        return False
    for word in doc.words_in(nxt.end, nxt.end + 40)[:2]:
        if _finite_form(word, doc.profile):
            return True
        if not word.islower():
            return False
    return False


def _finite_form(word: str, profile) -> bool:
    """A listed finite verb, or one with a past, future or conditional ending."""
    return word in profile.finite_verbs or len(word) > 4 and word.endswith(profile.finite_suffixes)


def _inside_sentence(text: str, start: int) -> bool:
    """The word at ``start`` follows a lower-case word or a comma on its line."""
    before = previous_token(text, start, max(0, start - 200))
    return before is not None and (before.text == "," or before.is_word and before.text.islower()) \
        and "\n" not in text[before.end:start]


def _runs_in(nxt: Token | None) -> bool:
    """Whether the word after a name is capitalised: the next sentence may run in at a cut."""
    return nxt is not None and nxt.is_word and nxt.text[0].isupper()


def _opens_clause(ctx: Context, nxt: Token) -> bool:
    """Whether the capitalised word after a cut reads as the start of a new sentence, though no
    function word: a word of the language ("Lart Six members ... have been treated", "Volt
    Definitivamente, se emplearon"), no English noun, with a finite verb before the next full
    stop ("Castella Partners." is one name)."""
    lower = nxt.text.lower()
    doc = ctx.doc
    own = zipf(lower, doc.language)
    # A word of the language, or one it shares with a neighbour ("six", "definitivamente"); not an
    # English word in other copy ("Puff Daddy"), nor a name, which goes on a name as often as it
    # opens a sentence ("Valtteri Bottas").
    if not (is_common_word(lower, doc.language) or own >= 3.5 and own >= zipf(lower, "en") - 0.5):
        return False
    if doc.language == "en" and english_proper_noun(lower):
        return False  # "Carl Lewis said" beside "Carla": a surname is as frequent as a word
    if doc.language == "en" and english_pos(lower) == _CONTENT_WORD and not lower.endswith("ly"):
        return False  # "Puff Daddy", "Molina Street": a noun or adjective goes on a name
    stop = _SENTENCE_STOP.search(doc.text, nxt.end, nxt.end + 300)
    rest = doc.words_in(nxt.start, stop.start() if stop else min(len(doc.text), nxt.end + 300))
    # An English sentence does not open on its verb; a capitalised "Partners" is a noun there.
    return has_finite_verb(rest[1:] if doc.language == "en" else rest, doc.profile, doc.language, strict=True)


_SENTENCE_STOP = regex.compile(r"[.!?;:\n]")
# english_pos of a word that is no verb: a noun, an adjective or an adverb.
_CONTENT_WORD = frozenset({"LEX"})


def _same_person_tie(index, cluster: dict[str, int]) -> str | None:
    """Two spellings used equally often in one full name ("Yevgeny Orlov", "Yevgeni Orlov"): one
    person, so the better-attested spelling is kept even by a margin too small to choose between
    two unrelated spellings."""
    if len(cluster) != 2:
        return None
    a, b = sorted(cluster, key=attestation, reverse=True)
    if cluster[a] == cluster[b] and attestation(a) - attestation(b) >= 0.5 and index.shares_full_name(a, b):
        return a
    return None


def _lost_letter_tie(cluster: dict[str, int]) -> str | None:
    """Two spellings used equally often, one with a final consonant doubled ("Scovel",
    "Scovell"): a letter lost is how copy damages names (as truncated-name has it), so the
    longer spelling is kept."""
    if len(cluster) != 2:
        return None
    short, long = sorted(cluster, key=len)
    return long if cluster[short] == cluster[long] and is_doubled_ending(short, long) else None


# Attestation gap by which, of two spellings used equally often, the better-known one is kept.
_TIE_MARGIN = 0.3


def _attested_tie(index, cluster: dict[str, int]) -> str | None:
    """Two close spellings used equally often ("Pallu", "Palu"): a respelling is rarer in
    published text than the name it respells, so the better-attested spelling is kept, by a
    margin too small for the knowledge to choose between unrelated spellings. Only between
    spellings that are no established names ("Kieran" is one beside "Kiernan"): a better-known
    name of its own may be another person's, and so is a spelling in another full name
    ("Yevgeny Orlov", "Yevgeni Markov")."""
    if len(cluster) != 2:
        return None
    a, b = sorted(cluster, key=attestation, reverse=True)
    return a if cluster[a] == cluster[b] and attestation(a) < ESTABLISHED \
        and attestation(a) - attestation(b) >= _TIE_MARGIN and not index.full_names.differ(a, b) else None


def _pairwise_canonicals(index, knowledge, cluster: dict[str, int], lang: str) -> dict[str, str]:
    """Where a cluster of three or more spellings has no canonical one as a whole (two
    established names each used once, and a slip of one of them), each spelling against the
    ones it is joined to directly: a spelling the knowledge ranks below one of them (the
    closest, if several) is that one's variant. None is corrected towards a spelling that is
    itself corrected."""
    found: dict[str, str] = {}
    for spelling in cluster:
        better = [other for other in cluster if other != spelling and index.joins(spelling, other)
                  and knowledge.canonical({spelling: cluster[spelling], other: cluster[other]}, lang) == other]
        if better:
            found[spelling] = min(better, key=lambda o: (Levenshtein.distance(fold(o), fold(spelling)),
                                                         -cluster[o], -attestation(o), o))
    return {s: c for s, c in found.items() if c not in found}


def _house_spellings(knowledge: NameKnowledge, index) -> list[tuple[str, str]]:
    """Each name of the index that the knowledge spells another way, with its house spelling. A
    knowledge without house spellings (the protocol's default, as the default knowledge has it)
    is not asked."""
    if getattr(type(knowledge), "house_spelling", None) is NameKnowledge.house_spelling:
        return []
    return [(name, preferred) for name in index.names()
            if (preferred := knowledge.house_spelling(name)) and preferred != name]


@register
class NameVariant(Rule):
    """Two spellings of one name in a document ("Haniye" beside "Haniyeh"); reports the
    non-canonical ones.

    Spellings are grouped by a transliteration key (vowels, doubled letters, kh/h, q/k/g, dh/d ...)
    and string similarity; two spellings that are both established names on their own are never
    merged, so different people with similar names stay apart. The canonical spelling comes from
    the pluggable name knowledge: by default a clearly better-attested spelling, else the
    document's majority.
    """

    id = "name-variant"
    severity = Severity.WARNING
    fixable = True

    def check(self, ctx: Context) -> Iterable[Finding]:
        index = ctx.names
        knowledge = ctx.name_knowledge
        replace: dict[str, str] = {}
        for cluster in index.variant_clusters():
            canonical = knowledge.canonical(cluster, ctx.doc.language) or _same_person_tie(index, cluster) \
                or _lost_letter_tie(cluster) or _attested_tie(index, cluster)
            if not canonical and len(cluster) > 2:
                replace.update(_pairwise_canonicals(index, knowledge, cluster, ctx.doc.language))
            elif canonical:
                for spelling in cluster:
                    # Each spelling on its own evidence: a cluster chains pairs, and "Davies"
                    # reached through a one-off "Daviis" is no variant of "Davis".
                    if spelling != canonical and (canonical not in cluster or index.joins(spelling, canonical)):
                        replace[spelling] = canonical
        # A house style sheet also corrects a spelling the text uses consistently.
        for name, preferred in _house_spellings(knowledge, index):
            replace.setdefault(name, preferred)
        if not replace:
            return
        for mention in index.name_words_of(replace):
            canonical = replace.get(mention.name)
            tok = mention.token
            if canonical and not ctx.in_boilerplate(tok.start, tok.end):
                if is_doubled_ending(mention.name, canonical) and _runs_in(next_token(ctx.doc.text, tok.end)):
                    continue  # "Cromwel He said": a cut, which truncated-name reports
                start = tok.start + tok.text.index(mention.name)
                yield self.finding(
                    ctx, start, start + len(mention.name),
                    f"'{mention.name}' is a variant spelling of '{canonical}' "
                    + (f"({index.counts[canonical]} use(s) in this text)" if index.counts.get(canonical)
                       else "(the style sheet's or the corpus's spelling)"),
                    canonical,
                )
