"""A submitted form turned into its change: a new entry of data/cities.yaml or data/actions.yaml,
or a new practice file; checked like any change, or answered field by field.

The entry is written as text (alliance.forms.yamltext) rather than through a round-trip YAML
library: the diff a reviewer reads is exactly the new lines, the file's comments and layout are
untouched by construction, and each written line is known, so a problem the checks report on a
line is reported to the proposer as the form field that line came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from alliance.assembly.sitecheck import check_site
from alliance.data.actions import action_claims
from alliance.data.characters import shown
from alliance.data.cities import city_claims
from alliance.data.practices import PRACTICES_FOLDER, practice_claims
from alliance.data.problems import DataError, Problem
from alliance.forms.issueform import IssueForm, Submission, UnreadableForm
from alliance.forms.yamltext import (
    Group,
    InsertionFailed,
    Items,
    Node_,
    Number,
    Value,
    append_entry,
    front_matter,
)
from alliance.localized import ORIGINAL_LANGUAGE
from alliance.paths import display_path

_COORDINATE = re.compile(r"^-?\d{1,3}(\.\d+)?$")
_YEAR = re.compile(r"^\d{4}$")
_LANGUAGE_LINE = re.compile(r"^([A-Za-z]{2,3})\s*:\s*(.*)$")  # after _lines took off any list bullet
_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
# "cities[3].name.en: message" -> "message": the proposer knows the field by its form label.
_DATA_PATH = re.compile(r"^[A-Za-z_][\w-]*(?:\[\d+\]|\.[\w-]+)*: ")


@dataclass(frozen=True)
class FieldProblem:
    fields: tuple[str, ...]  # ids of the form fields concerned; () for the proposal as a whole
    message: str


@dataclass(frozen=True)
class Change:
    """The file a proposal writes: its path in the repository and its new text."""

    path: str
    text: str
    lines: Mapping[int, tuple[str, ...]]  # line (from 1) -> the form fields it holds
    record_id: str
    notes: tuple[tuple[str, str], ...] = ()  # (form field id, text) copied for the reviewer only


@dataclass(frozen=True)
class Outcome:
    form: IssueForm
    change: Change | None
    problems: tuple[FieldProblem, ...]

    @property
    def accepted(self) -> bool:
        return self.change is not None and not self.problems


def _text(submission: Submission, field: str) -> str:
    """A one-line text: the form's line breaks and repeated spaces do not matter in the data."""
    return " ".join(submission.text(field).split())


def _lines(submission: Submission, field: str) -> tuple[str, ...]:
    lines = (line.strip() for line in submission.text(field).splitlines())
    return tuple(re.sub(r"^[-*]\s+", "", line) for line in lines if line)


def _number(text: str, pattern: re.Pattern) -> str | Number:
    """A number when it is written as one; otherwise the text, which the schema then reports."""
    return Number(text) if pattern.match(text) else text


def _translations(
    submission: Submission, field: str, french: str, languages: tuple[str, ...]
) -> tuple[list[tuple[str, Value]], list[FieldProblem]]:
    """`en: Lisbon` lines; a name given as the French one is the same everywhere: left out."""
    found: list[tuple[str, Value]] = []
    problems = []
    for line in _lines(submission, field):
        match = _LANGUAGE_LINE.match(line)
        language = match.group(1).lower() if match else None
        if match is None or language not in languages:
            problems.append(
                FieldProblem(
                    (field,),
                    f'write one line per language ({", ".join(code for code in languages if code != ORIGINAL_LANGUAGE)}), such as "en: Lisbon"; this line is not: {line}',
                )
            )
        elif language == ORIGINAL_LANGUAGE or any(known == language for known, _ in found):
            problems.append(FieldProblem((field,), f'the language "{language}" is given twice'))
        elif (text := " ".join(match.group(2).split())) != french:
            found.append((language, Value(text, field)))
    return found, problems


def evidence_entry(
    submission: Submission, claims: tuple[str, ...], languages: tuple[str, ...]
) -> tuple[Items, list[FieldProblem]]:
    """The form's quote as the entry's evidence: the passage supports every claim of the entry
    (the reviewer checks that it does); its translations are `en: ...` lines."""
    translations: list[tuple[str, Node_]] = []
    problems = []
    for line in _lines(submission, "evidence-translation"):
        match = _LANGUAGE_LINE.match(line)
        language = match.group(1).lower() if match else None
        if match is None or language not in languages:
            problems.append(
                FieldProblem(
                    ("evidence-translation",),
                    f'write one line per language ({", ".join(languages)}), such as "en: ..."; this line is not: {line}',
                )
            )
        elif any(known == language for known, _ in translations):
            problems.append(FieldProblem(("evidence-translation",), f'the language "{language}" is given twice'))
        else:
            translations.append((language, Value(" ".join(match.group(2).split()), "evidence-translation")))
    quote = Group(
        (
            # A city with no role chosen yet has no claim but its name: the roles' field is answered.
            ("claim", Items(tuple(Value(claim, "evidence-quote") for claim in claims or ("name",)), "evidence-quote")),
            ("source", Value(_text(submission, "evidence-source"), "evidence-source")),
            ("quote", Value(_text(submission, "evidence-quote"), "evidence-quote")),
            *((("translation", Group(tuple(translations))),) if translations else ()),
        )
    )
    return Items((quote,), "evidence-quote"), problems


def city_entry(submission: Submission, languages: tuple[str, ...]) -> tuple[Group, list[FieldProblem]]:
    french = _text(submission, "name-fr")
    others, problems = _translations(submission, "name-translations", french, languages)
    entries: list[tuple[str, Node_]] = [
        ("id", Value(_text(submission, "id"), "id")),
        ("name", Group((("fr", Value(french, "name-fr")), *others))),
        ("country", Value(_text(submission, "country"), "country")),
        (
            "coordinates",
            Group(
                (
                    ("lat", Value(_number(_text(submission, "coordinates-lat"), _COORDINATE), "coordinates-lat")),
                    ("lon", Value(_number(_text(submission, "coordinates-lon"), _COORDINATE), "coordinates-lon")),
                )
            ),
        ),
        ("roles", Items(tuple(Value(role, "roles") for role in submission.choices("roles")), "roles")),
    ]
    if note := _text(submission, "note-fr"):
        entries.append(("note", Group((("fr", Value(note, "note-fr")),))))
    claims = city_claims({"roles": list(submission.choices("roles")), **({"note": note} if note else {})})[0]
    evidence, evidence_problems = evidence_entry(submission, claims, languages)
    entries.append(("evidence", evidence))
    return Group(tuple(entries)), problems + evidence_problems


def action_entry(submission: Submission, languages: tuple[str, ...]) -> tuple[Group, list[FieldProblem]]:
    entries: list[tuple[str, Node_]] = [
        ("id", Value(_text(submission, "id"), "id")),
        ("title", Group((("fr", Value(_text(submission, "title-fr"), "title-fr")),))),
        ("summary", Group((("fr", Value(_text(submission, "summary-fr"), "summary-fr")),))),
    ]
    if when := _text(submission, "when"):
        entries.append(("when", Value(when, "when")))
    place: list[tuple[str, Node_]] = [
        (key, Value(_text(submission, f"place-{key}"), f"place-{key}"))
        for key in ("city", "region")
        if _text(submission, f"place-{key}")
    ]
    entries.append(("place", Group(tuple(place), also=("place-city", "place-region"))))
    if targets := submission.choices("targets"):
        entries.append(("targets", Items(tuple(Value(t, "targets") for t in targets), "targets")))
    entries.append(("status", Value(_text(submission, "status"), "status")))
    evidence, problems = evidence_entry(submission, action_claims(dict(entries)), languages)
    entries.append(("evidence", evidence))
    return Group(tuple(entries)), problems


def practice_entry(submission: Submission, languages: tuple[str, ...]) -> tuple[Group, list[FieldProblem]]:
    entries: list[tuple[str, Node_]] = [
        ("title", Value(_text(submission, "title"), "title")),
        ("summary", Value(_text(submission, "summary"), "summary")),
    ]
    for key in ("city", "country"):
        if value := _text(submission, key):
            entries.append((key, Value(value, key)))
    entries.append(("themes", Items(tuple(Value(t, "themes") for t in submission.choices("themes")), "themes")))
    if year := _text(submission, "year"):
        entries.append(("year", Value(_number(year, _YEAR), "year")))
    claims = practice_claims(dict(entries), submission.text("description"))[0]
    evidence, problems = evidence_entry(submission, claims, languages)
    entries += [("evidence", evidence), ("sources_read", Value(_text(submission, "sources_read"), "sources_read"))]
    return Group(tuple(entries)), problems


def slug(text: str, limit: int = 60) -> str:
    """A file name from a title: "Ville refuge à Liège" -> "ville-refuge-a-liege"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text)[:limit].strip("-")


# (list of the data file, how an entry is made) for the forms that add an entry to data/.
DATA_FORMS: dict[str, tuple[str, str, Callable[[Submission, tuple[str, ...]], tuple[Group, list[FieldProblem]]]]] = {
    "city": ("data/cities.yaml", "cities", city_entry),
    "action": ("data/actions.yaml", "actions", action_entry),
}


def make_change(submission: Submission, root: Path, languages: tuple[str, ...]) -> tuple[Change, list[FieldProblem]]:
    form = submission.form
    notes = tuple(
        (f.id, submission.text(f.id).strip())
        for f in form.fields
        if f.id == "translations" and submission.text(f.id).strip()
    )
    if form.name in DATA_FORMS:
        path, list_key, make_entry = DATA_FORMS[form.name]
        entry, problems = make_entry(submission, languages)
        text, lines = append_entry((root / path).read_text(encoding="utf-8"), path, list_key, entry)
        return Change(path, text, lines, _text(submission, "id"), notes), problems
    entry, problems = practice_entry(submission, languages)
    practice_id = _text(submission, "id") or slug(_text(submission, "title"))
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", practice_id):
        problems.append(
            FieldProblem(
                ("id",), 'must be a lowercase slug: letters a-z, digits and single hyphens, such as "palermo-charter"'
            )
        )
        practice_id = slug(practice_id) or "practice"
    path = f"content/{PRACTICES_FOLDER}/{practice_id}.md"
    if (root / path).exists():
        problems.append(FieldProblem(("id",), f'a practice "{practice_id}" exists already: choose another identifier'))
        # Checked under a free name, so that the other fields are answered too.
        path = next(
            p for n in range(2, 1000) if not (root / (p := f"content/{PRACTICES_FOLDER}/{practice_id}-{n}.md")).exists()
        )
    head, lines = front_matter(entry)
    description = submission.text("description").strip("\n")  # parse_body has made every CRLF a LF
    body_start = head.count("\n") + 2
    # From the blank line after the front matter, where a missing text is reported.
    lines = dict(lines) | {body_start - 1 + i: ("description",) for i in range(description.count("\n") + 2)}
    return Change(path, f"{head}\n{description}\n", lines, practice_id, notes), problems


def _check(root: Path, languages: tuple[str, ...]) -> list[Problem]:
    """Every check of `make check` and of the build (alliance.assembly.sitecheck.check_site)."""
    try:
        check_site(languages, root, root / "data", root / "content")
    except DataError as error:
        return list(error.problems)
    return []


def _as_field_problem(problem: Problem, change: Change, root: Path) -> FieldProblem:
    if problem.path in (change.path, display_path(root / change.path)) and problem.line in change.lines:
        return FieldProblem(change.lines[problem.line], _DATA_PATH.sub("", problem.message))
    return FieldProblem((), str(problem))


def propose(submission: Submission, root: Path, languages: tuple[str, ...]) -> Outcome:
    """Writes the change into the repository at `root` and checks it; on any problem the
    repository is left as it was and the problems name the form's fields."""
    form = submission.form
    # Only checkboxes have required options, and a read body holds every checkboxes field, ticked or not.
    problems: list[FieldProblem] = [
        FieldProblem((f.id,), f"tick the box: {box}")
        for f in form.fields
        for box in f.required_options
        if box not in submission.checked[f.id]
    ]
    try:
        change, entry_problems = make_change(submission, root, languages)
    except (InsertionFailed, DataError) as error:
        return Outcome(form, None, (*problems, FieldProblem((), f"the proposal could not be written: {error}")))
    problems += entry_problems
    target = root / change.path
    before = target.read_text(encoding="utf-8") if target.exists() else None
    target.write_text(change.text, encoding="utf-8")
    accepted = False
    try:
        problems += [_as_field_problem(p, change, root) for p in _check(root, languages)]
        accepted = not problems
    except (RecursionError, MemoryError) as error:
        # The checks' limits are meant to make this impossible; it still gets an answer.
        problems.append(
            FieldProblem((), f"the proposal could not be checked ({type(error).__name__}): simplify its texts")
        )
    finally:
        # Whatever happened, the repository is left as it was unless the proposal is accepted.
        if not accepted:
            target.unlink() if before is None else target.write_text(before, encoding="utf-8")
    return Outcome(form, change, tuple(dict.fromkeys(problems)))


def unreadable(form: IssueForm, error: UnreadableForm) -> Outcome:
    """The answer to a body that no longer follows the form: nothing can be read safely."""
    message = (
        "the text of the issue no longer follows the form here: each field's heading (a line starting"
        " with ### and the field's name) must appear once, in the form's order; a field's text cannot"
        " contain such a line"
    )
    return Outcome(form, None, (FieldProblem((error.field,) if error.field else (), message),))


def co_author(login: str, user_id: int) -> str | None:
    """The commit trailer crediting the proposer (GitHub's no-reply address)."""
    return f"Co-authored-by: {login} <{user_id}+{login}@users.noreply.github.com>" if _LOGIN.match(login) else None


def thanks() -> str:
    """The comment when the pull request is open (GitHub links it to the issue it closes)."""
    return (
        "Merci ! La proposition est devenue une pull request, liée à ce ticket : l'équipe vérifie les"
        " sources avant de la publier. / Thank you! The proposal is now a pull request, linked to this"
        " issue: the team checks the sources before publishing it.\n"
    )


def answer(outcome: Outcome) -> str:
    """The comment on the issue, in the form's languages (French / English), one line per field."""
    labels = {f.id: f.label for f in outcome.form.fields}
    out = [
        "La proposition ne peut pas encore devenir une pull request. Corrigez les champs ci-dessous en"
        " modifiant le ticket (menu « … » puis « Edit ») : la vérification reprend à chaque modification.",
        "",
        "The proposal cannot become a pull request yet. Correct the fields below by editing the issue"
        " (the “…” menu, then “Edit”): the check runs again after each edit.",
        "",
    ]
    for problem in outcome.problems:
        where = " ; ".join(f"**{labels[f]}**" for f in problem.fields) or "**Proposition / Proposal**"
        # A message quotes the value: a very long one is shortened (a comment has a size limit).
        message = shown(problem.message)  # control characters as escapes (\x1b, \n)
        message = message if len(message) <= 500 else message[:499] + "…"
        out.append(f"- {where} : {code_span(message)}")
    return "\n".join(out) + "\n"


def code_span(text: str) -> str:
    """`text` shown literally in Markdown: no link, mention, HTML or formatting of its own."""
    text = " ".join(text.split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def fenced(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`{3,}|~{3,}", text)), default=2)
    fence = "`" * (longest + 1)
    return f"{fence}text\n{text}\n{fence}"


KINDS = {"city": ("la ville", "city"), "action": ("l'action", "action"), "practice": ("la pratique", "practice")}


def pull_request(outcome: Outcome, issue: int, login: str) -> tuple[str, str]:
    """The pull request's title and body (Markdown), crediting the proposer."""
    change = outcome.change
    assert change is not None, "a pull request is made for an accepted proposal only"
    french, english = KINDS[outcome.form.name]
    title = f"Add {english} {change.record_id} (proposed in #{issue})"
    credit = f"@{login}" if _LOGIN.match(login) else "an anonymous account"
    body = [
        f"Ajoute {french} `{change.record_id}` proposée par {credit} dans #{issue}. / Adds the {english}"
        f" `{change.record_id}` proposed by {credit} in #{issue}.",
        "",
        f"Closes #{issue}",
        "",
        "Avant de fusionner, vérifiez que les sources disent ce qui est écrit. / Before merging, check that"
        " the sources say what is written.",
    ]
    labels = {f.id: f.label for f in outcome.form.fields}
    for field, text in change.notes:
        body += ["", f"**{labels[field]}** (à reporter à la main / to copy by hand):", "", fenced(text)]
    return title, "\n".join(body) + "\n"
