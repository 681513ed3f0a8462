"""Issue forms turned into changes (alliance/forms, scripts/form_proposal.py, the forms workflow).

Each fixture of tests/fixtures/forms/ is the body GitHub writes for a submitted form, named
`<form>-<case>.md`; next to it `<form>-<case>.expected` is the diff of the pull request it
becomes, or the answer posted on the issue.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

import pytest

from alliance.assembly.generated import generated_folders
from alliance.data.characters import CONTROL, control_message
from alliance.data.practices import PRACTICES_FOLDER
from alliance.data.problems import DataError
from alliance.data.yamlload import load_yaml, parse_yaml
from alliance.forms import proposal
from alliance.forms.issueform import FORMS_DIR, UnreadableForm, form_for_labels, load_forms, parse_body
from alliance.forms.proposal import (
    Change,
    FieldProblem,
    Outcome,
    answer,
    co_author,
    code_span,
    make_change,
    propose,
    pull_request,
    slug,
    thanks,
    unreadable,
)
from alliance.forms.yamltext import quoted
from alliance.paths import ROOT
from alliance.siteconfig import load_site_config
from scripts import form_proposal

FIXTURES = ROOT / "tests" / "fixtures" / "forms"
WORKFLOW = ROOT / ".github" / "workflows" / "forms.yml"
FORMS = {form.name: form for form in load_forms()}


@pytest.fixture
def repository(tmp_path) -> Path:
    """A copy of what a proposal changes and what the checks read."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    # The whole of content/ and theme/: the form's change is checked as `make check` checks it.
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns(*generated_folders()))
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def outcome_text(fixture: Path, root: Path) -> str:
    """The lines the pull request adds, or the answer, of a fixture proposed in `root`."""
    form = FORMS[fixture.stem.split("-", 1)[0]]
    try:
        outcome = propose(parse_body(form, fixture.read_text(encoding="utf-8")), root, load_site_config().codes)
    except UnreadableForm as error:
        outcome = unreadable(form, error)
    if not outcome.accepted or outcome.change is None:
        return answer(outcome).replace(f"{root}/", "")  # a file named in a message, as in the repository
    before = (
        (ROOT / outcome.change.path).read_text(encoding="utf-8").splitlines(True)
        if (ROOT / outcome.change.path).exists()
        else []
    )
    after = (root / outcome.change.path).read_text(encoding="utf-8").splitlines(True)
    diff = difflib.unified_diff(before, after, f"a/{outcome.change.path}", f"b/{outcome.change.path}", n=0)
    # Without hunk positions: they move whenever the data file grows, the new lines do not.
    return "".join(line for line in diff if not line.startswith("@@"))


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.md")), ids=lambda p: p.stem)
def test_a_submitted_form_becomes_its_diff_or_its_answer(fixture, repository):
    before = snapshot(repository)
    result = outcome_text(fixture, repository)
    assert result == fixture.with_suffix(".expected").read_text(encoding="utf-8")
    if result.startswith("--- "):
        assert len(snapshot(repository)) >= len(before)
    else:
        assert snapshot(repository) == before  # an answered proposal leaves the repository as it was


def test_every_form_has_an_accepted_and_an_answered_fixture():
    outcomes = {}
    for expected in FIXTURES.glob("*.expected"):
        outcomes.setdefault(expected.stem.split("-", 1)[0], set()).add(
            expected.read_text(encoding="utf-8").startswith("--- ")
        )
    assert outcomes == {name: {True, False} for name in FORMS}


@pytest.mark.parametrize(
    "text",
    [
        'Nantes"\n- id: evil',
        "a: b",
        "# not a comment",
        "&a",
        "*a",
        "!!python/object/apply:os.system",
        "'single'",
        "back\\slash \\n",
        "tab\tand\rreturn",
        "bidi \u202eevil\u202c \u2066x\u2069",
        "zero\u200bwidth \ufeff",
        "nel\x85 ls\u2028 ps\u2029 del\x7f nul\x00 esc\x1b",
        "astral 𝔘 😀",
        "x" * 20000,
        "",
        "  spaces  ",
        "null",
        "true",
        "1e3",
    ],
)
def test_a_quoted_text_reads_back_as_itself_on_one_line(text):
    """Or, holding a control character other than tab and newline, is refused by the data's loader
    (the proposer is told which one)."""
    written = f"field: {quoted(text)}\n"
    assert written.count("\n") == 1
    control = CONTROL.search(text)
    if control:
        with pytest.raises(DataError, match=re.escape(control_message(control.group()))):
            parse_yaml(written, "t.yaml")
    else:
        assert parse_yaml(written, "t.yaml").data == {"field": text}
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200b\ufeff\x00-\x1f\x7f-\x9f\u2028\u2029]", written[:-1])


def test_a_heading_imitated_inside_a_field_makes_the_body_unreadable():
    form = FORMS["city"]
    body = (FIXTURES / "city-accepted.md").read_text(encoding="utf-8")
    with pytest.raises(UnreadableForm) as error:
        parse_body(
            form,
            body.replace(
                "\n### Source (identifiant) / Source (id)\n",
                "\n### Source (identifiant) / Source (id)\n\nx\n\n### Source (identifiant) / Source (id)\n",
                1,
            ),
        )
    assert error.value.field == "evidence-source"
    with pytest.raises(UnreadableForm):
        parse_body(form, body.replace("### Pays", "### Country"))
    assert parse_body(form, body.replace("\n", "\r\n")).text("country") == "FR"


def test_answers_show_messages_literally():
    assert code_span("a `b` c") == "`` a `b` c ``"
    assert code_span("@someone <b>x</b>\n[l](javascript:x)") == "` @someone <b>x</b> [l](javascript:x) `"


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ('unknown field "name"', 'unknown field "name"'),
        ('unknown field "a\x1b[2J\n::error file=x::b\x00"', 'unknown field "a\\x1b[2J\\n::error file=x::b\\x00"'),
        ("contains U+202E \u202e here", "contains U+202E \\u202e here"),
    ],
)
def test_answers_show_control_characters_as_escapes(message, shown):
    text = answer(Outcome(FORMS["city"], None, (FieldProblem(("name-fr",), message),)))
    assert text.endswith(f"` {shown} `\n")
    assert not re.search("[\x00-\x08\x0b-\x1f\u202e]", text)


def test_the_proposer_is_credited_only_under_a_real_login():
    assert co_author("ana-maria", 42) == "Co-authored-by: ana-maria <42+ana-maria@users.noreply.github.com>"
    assert co_author("x>\nCo-authored-by: evil", 1) is None


ANSWER_HEAD = (
    "La proposition ne peut pas encore devenir une pull request. Corrigez les champs ci-dessous en modifiant le"
    " ticket (menu « … » puis « Edit ») : la vérification reprend à chaque modification.\n"
    "\n"
    "The proposal cannot become a pull request yet. Correct the fields below by editing the issue (the “…” menu,"
    " then “Edit”): the check runs again after each edit.\n"
    "\n"
)


def test_an_unreadable_body_out_of_order_is_answered_for_the_whole_proposal():
    text = answer(unreadable(FORMS["city"], UnreadableForm(None)))
    assert text == ANSWER_HEAD + (
        "- **Proposition / Proposal** : ` the text of the issue no longer follows the form here: each field's"
        " heading (a line starting with ### and the field's name) must appear once, in the form's order; a"
        " field's text cannot contain such a line `\n"
    )


@pytest.mark.parametrize(
    ("message", "shown"),
    [("x" * 499, "x" * 499), ("x" * 500, "x" * 500), ("x" * 501, "x" * 499 + "…"), ("é" * 600, "é" * 499 + "…")],
    ids=["499", "500", "501", "600"],
)
def test_an_answer_shortens_a_message_longer_than_500_characters(message, shown):
    text = answer(Outcome(FORMS["city"], None, (FieldProblem((), message),)))
    assert text == f"{ANSWER_HEAD}- **Proposition / Proposal** : ` {shown} `\n"


def test_the_thanks_say_the_proposal_is_a_pull_request_in_both_languages():
    assert thanks() == (
        "Merci ! La proposition est devenue une pull request, liée à ce ticket : l'équipe vérifie les sources"
        " avant de la publier. / Thank you! The proposal is now a pull request, linked to this issue: the team"
        " checks the sources before publishing it.\n"
    )


def test_the_pull_request_credits_the_proposer_and_carries_the_text_to_copy_by_hand():
    body = (FIXTURES / "action-accepted.md").read_text(encoding="utf-8")
    change, problems = make_change(parse_body(FORMS["action"], body), ROOT, load_site_config().codes)
    assert problems == []
    title, text = pull_request(Outcome(FORMS["action"], change, ()), 12, "ana-maria")
    assert title == "Add action nantes-2025 (proposed in #12)"
    assert text == (
        "Ajoute l'action `nantes-2025` proposée par @ana-maria dans #12. / Adds the action `nantes-2025`"
        " proposed by @ana-maria in #12.\n"
        "\n"
        "Closes #12\n"
        "\n"
        "Avant de fusionner, vérifiez que les sources disent ce qui est écrit. / Before merging, check that the"
        " sources say what is written.\n"
        "\n"
        "**Titre et résumé dans d'autres langues (facultatif) / Title and summary in other languages (optional)**"
        " (à reporter à la main / to copy by hand):\n"
        "\n"
        "```text\n"
        "en: Alliance meeting in Nantes\n"
        "es: Encuentro de la Alianza en Nantes\n"
        "```\n"
    )


@pytest.mark.parametrize(
    ("note", "fence"),
    [("en: x", "```"), ("en: ``x``", "```"), ("en: x\n```\ny", "````"), ("~~~~~\n``` x", "``````")],
    ids=["plain", "short-run", "backtick-fence", "tilde-fence"],
)
def test_a_text_to_copy_is_fenced_longer_than_any_fence_inside_it(note, fence):
    change = Change("data/actions.yaml", "", {}, "x", (("translations", note),))
    _, text = pull_request(Outcome(FORMS["action"], change, ()), 3, "x>\nCo-authored-by: evil")
    assert text.startswith(
        "Ajoute l'action `x` proposée par an anonymous account dans #3. / Adds the action `x` proposed by"
        " an anonymous account in #3.\n"
    )
    assert text.endswith(f"(à reporter à la main / to copy by hand):\n\n{fence}text\n{note}\n{fence}\n")


@pytest.mark.parametrize(
    ("title", "file_name"),
    [
        ("Ville refuge à Liège", "ville-refuge-a-liege"),
        ("« Accueillir, ensemble ! »", "accueillir-ensemble"),
        ("a" * 70, "a" * 60),
        ("a" * 59 + " b", "a" * 59),
        ("مدينة", ""),
    ],
    ids=["accents", "punctuation-at-both-ends", "cut-at-60", "cut-before-a-hyphen", "no-latin-letter"],
)
def test_a_practice_without_identifier_is_named_after_its_title(title, file_name):
    assert slug(title) == file_name


def test_a_data_file_not_laid_out_as_a_list_gets_an_answer_and_stays_as_it_was(tmp_path):
    """The answer names the box left unticked too: the proposer corrects everything in one edit."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "cities.yaml").write_text("cities: []\n", encoding="utf-8")
    body = (FIXTURES / "city-accepted.md").read_text(encoding="utf-8").replace("- [X] La citation", "- [ ] La citation")
    outcome = propose(parse_body(FORMS["city"], body), tmp_path, load_site_config().codes)
    assert outcome.change is None and not outcome.accepted
    assert answer(outcome) == ANSWER_HEAD + (
        "- **Vérifications / Checks** : ` tick the box: La citation est copiée mot pour mot d'une source publique"
        " et dit ce que j'ai écrit. / The quote is copied word for word from a public source and says what I"
        " wrote. `\n"
        "- **Proposition / Proposal** : ` the proposal could not be written: data/cities.yaml: cities is not a"
        " block list with entries `\n"
    )
    assert (tmp_path / "data" / "cities.yaml").read_text(encoding="utf-8") == "cities: []\n"


@pytest.mark.parametrize("error", [RecursionError, MemoryError])
def test_a_check_that_exhausts_its_limits_still_gets_an_answer(tmp_path, monkeypatch, error):
    (tmp_path / "data").mkdir()
    before = (ROOT / "data" / "cities.yaml").read_text(encoding="utf-8")
    (tmp_path / "data" / "cities.yaml").write_text(before, encoding="utf-8")

    def exhausted(*args):
        raise error

    monkeypatch.setattr(proposal, "check_site", exhausted)
    body = (FIXTURES / "city-accepted.md").read_text(encoding="utf-8")
    outcome = propose(parse_body(FORMS["city"], body), tmp_path, load_site_config().codes)
    assert not outcome.accepted
    assert outcome.problems == (
        FieldProblem((), f"the proposal could not be checked ({error.__name__}): simplify its texts"),
    )
    assert (tmp_path / "data" / "cities.yaml").read_text(encoding="utf-8") == before


def test_a_problem_already_in_the_repository_is_not_blamed_on_a_field_of_the_proposal(repository):
    """Shown whole, for the proposal as a whole, though its line is also a line of the new practice."""
    other = repository / "content" / PRACTICES_FOLDER / "palermo-charter.md"
    text = other.read_text(encoding="utf-8")
    other.write_text(text.replace("mobilité internationale.\n", "mobilité internationale\n", 1), encoding="utf-8")
    assert other.read_text(encoding="utf-8") != text
    assert outcome_text(FIXTURES / "practice-accepted.md", repository) == ANSWER_HEAD + (
        f"- **Proposition / Proposal** : ` content/{PRACTICES_FOLDER}/palermo-charter.md:3:10: summary: must be one"
        " sentence, ending with a full stop `\n"
    )


def event(tmp_path: Path, fixture: str, labels: list[str]) -> Path:
    body = (FIXTURES / fixture).read_text(encoding="utf-8")
    issue = {"number": 7, "body": body, "labels": [{"name": n} for n in labels], "user": {"login": "ana", "id": 42}}
    path = tmp_path / "event.json"
    path.write_text(json.dumps({"action": "opened", "issue": issue}), encoding="utf-8")
    return path


def test_the_script_writes_the_pull_request_and_the_step_outputs(tmp_path, repository):
    output = tmp_path / "github_output"
    shutil.copytree(FORMS_DIR, repository / ".github" / "ISSUE_TEMPLATE")
    args = [
        "--event",
        str(event(tmp_path, "city-accepted.md", ["data: city"])),
        "--out",
        str(tmp_path / "out"),
        "--root",
        str(repository),
    ]
    assert form_proposal.main([*args, "--github-output", str(output)]) == 0
    out = tmp_path / "out"
    assert (out / "outcome").read_text() == "pr" and (out / "changed.txt").read_text() == "data/cities.yaml\n"
    assert "Co-authored-by: ana <42+ana@users.noreply.github.com>" in (out / "commit.txt").read_text()
    assert "@ana" in (out / "pr-body.md").read_text() and "Closes #7" in (out / "pr-body.md").read_text()
    assert '- id: "nantes"' in (repository / "data" / "cities.yaml").read_text()
    outputs = re.findall(r"^(\w+)<<(EOF_[0-9a-f]{32})\n(.*?)\n\2$", output.read_text(), re.S | re.M)
    assert [(name, value.startswith("Merci")) for name, _, value in outputs] == [("outcome", False), ("answer", True)]


def test_the_script_answers_a_wrong_form_and_ignores_other_issues(tmp_path, repository):
    shutil.copytree(FORMS_DIR, repository / ".github" / "ISSUE_TEMPLATE")
    out = tmp_path / "out"
    form_proposal.main(
        [
            "--event",
            str(event(tmp_path, "city-wrong-fields.md", ["data: city"])),
            "--out",
            str(out),
            "--root",
            str(repository),
        ]
    )
    assert (out / "outcome").read_text() == "answer" and "**Source (identifiant) / Source (id)**" in (
        out / "answer.md"
    ).read_text()
    assert not (out / "commit.txt").exists()
    form_proposal.main(
        ["--event", str(event(tmp_path, "city-accepted.md", ["bug"])), "--out", str(out), "--root", str(repository)]
    )
    assert (out / "outcome").read_text() == "none"


def test_an_issue_carries_one_form_by_its_label():
    forms = tuple(FORMS.values())
    assert form_for_labels(forms, ("data: action", "help wanted")).name == "action"
    assert form_for_labels(forms, ("data: action", "data: city")) is None
    assert form_for_labels(forms, ()) is None


def test_the_workflow_runs_on_the_forms_labels_with_no_field_in_a_shell():
    workflow = load_yaml(WORKFLOW).data
    assert workflow["on"]["issues"] == {"types": ["opened", "edited"]}
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    labels = {label for form in FORMS.values() for label in form.labels}
    assert set(re.findall(r"labels\.\*\.name, '([^']+)'", jobs["check"]["if"])) == labels
    assert jobs["check"]["permissions"] == {"contents": "read"}
    assert jobs["propose"]["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert jobs["answer"]["permissions"] == {"issues": "write"}
    for job in jobs.values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step  # untrusted text goes through env or files
            if "uses" in step:
                assert re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
                if step["uses"].startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False
    assert re.search(r"uses: \S+@[0-9a-f]{40} # v\d+\.\d+\.\d+", WORKFLOW.read_text(encoding="utf-8"))


# What runs the project's code or installs anything: never in a job that can write.
PROJECT_CODE = re.compile(r"\b(make|python3?|pip|npm|npx)\b|\.venv|scripts[./]")


def test_only_a_read_only_job_runs_the_project_code_on_the_form():
    jobs = load_yaml(WORKFLOW).data["jobs"]
    for name, job in jobs.items():
        writes = [scope for scope, access in job.get("permissions", {}).items() if access == "write"]
        runs = " ".join(step.get("run", "") for step in job["steps"])
        actions = [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]
        if writes:
            assert not PROJECT_CODE.search(runs), f"{name} can write {writes} and runs {runs!r}"
            assert set(actions) <= {"actions/checkout", "actions/download-artifact"}, (name, actions)
    assert "make check" in " ".join(step.get("run", "") for step in jobs["check"]["steps"])
    # The checked change goes from the reading job to the writing one as an artifact, by one name.
    upload = next(s for s in jobs["check"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    download = next(s for s in jobs["propose"]["steps"] if s.get("uses", "").startswith("actions/download-artifact@"))
    assert upload["with"]["name"] == download["with"]["name"]
    assert jobs["propose"]["needs"] == "check"
    # The answer (thanks, or the fields to correct) only once the form is checked and any pull request opened.
    assert "needs.check.result == 'success'" in jobs["answer"]["if"]
    assert "needs.propose.result != 'failure'" in jobs["answer"]["if"]


def test_the_workflow_creates_the_forms_labels_that_are_missing():
    workflow = load_yaml(WORKFLOW).data
    job = workflow["jobs"]["labels"]
    assert job["permissions"] == {"issues": "write"}
    (step,) = job["steps"]
    assert set(step["env"]["LABELS"].splitlines()) == {label for form in FORMS.values() for label in form.labels}
    assert "gh label create" in step["run"]
    # It runs when a form's labels may have changed, and by hand; never on an issue.
    assert workflow["on"]["push"]["paths"] == [".github/ISSUE_TEMPLATE/**", ".github/workflows/forms.yml"]
    assert "workflow_dispatch" in workflow["on"]
    assert job["if"] == "github.event_name != 'issues'"


def test_the_pull_request_job_commits_only_what_a_form_may_change():
    run = next(s["run"] for s in load_yaml(WORKFLOW).data["jobs"]["propose"]["steps"] if "run" in s)
    allowed = re.compile(re.search(r"--extended-regexp '([^']+)'", run).group(1))
    assert allowed.match("data/cities.yaml") and allowed.match(f"content/{PRACTICES_FOLDER}/maison-a-nantes.md")
    for path in (".github/workflows/site.yml", "Makefile", "data/../Makefile", "content/index.md", "data/x.yaml.sh"):
        assert not allowed.match(path), path


@pytest.mark.parametrize(
    "description",
    [
        "*a " * 2000 + "b" + " c*" * 2000,  # RecursionError in Python-Markdown on main
        "[" * 3000 + "x" + "]" * 3000,  # seconds of backtracking per render on main
    ],
    ids=["deep-emphasis", "nested-brackets"],
)
def test_the_script_answers_a_pathological_practice_and_leaves_the_repository_as_it_was(
    tmp_path, repository, description
):
    shutil.copytree(FORMS_DIR, repository / ".github" / "ISSUE_TEMPLATE")
    before = snapshot(repository / "content"), snapshot(repository / "data")
    body = (FIXTURES / "practice-accepted.md").read_text(encoding="utf-8")
    field, _, rest = body.partition("### La pratique / The practice\n")
    _, _, after = rest.partition("\n### Source (identifiant)")
    issue = {
        "number": 9,
        "body": f"{field}### La pratique / The practice\n\n{description}\n\n### Source (identifiant){after}",
    }
    issue |= {"labels": [{"name": "data: practice"}], "user": {"login": "ana", "id": 42}}
    event_path = tmp_path / "event.json"
    event_path.write_text(json.dumps({"action": "opened", "issue": issue}), encoding="utf-8")
    out = tmp_path / "out"
    assert form_proposal.main(["--event", str(event_path), "--out", str(out), "--root", str(repository)]) == 0
    assert (out / "outcome").read_text() == "answer"
    assert "the most is" in (out / "answer.md").read_text()
    assert (snapshot(repository / "content"), snapshot(repository / "data")) == before


def practice_with_description(description: str):
    """The accepted practice's form with another text."""
    body = (FIXTURES / "practice-accepted.md").read_text(encoding="utf-8")
    field, _, rest = body.partition("### La pratique / The practice\n")
    _, _, after = rest.partition("\n### Source (identifiant)")
    body = f"{field}### La pratique / The practice\n\n{description}\n\n### Source (identifiant){after}"
    return parse_body(FORMS["practice"], body)


@pytest.mark.parametrize(
    "description",
    ["Xavier ouvre sa maison.\n\nElle accueille.X", "    un bloc de code\n\nSuite."],
    ids=["starts-and-ends-with-x", "starts-with-spaces"],
)
def test_a_practice_text_is_written_as_typed_after_the_front_matter(description):
    change, problems = make_change(practice_with_description(description), ROOT, load_site_config().codes)
    assert problems == []
    head, _, text = change.text.partition("\n---\n")
    assert head.startswith("---\ntitle: ") and text == f"\n{description}\n"


def test_the_lines_of_a_practice_text_are_the_text_field_s_from_the_blank_line_after_the_front_matter():
    """Where a problem of the text (or a missing text, on the blank line) is reported to the proposer."""
    change, _ = make_change(practice_with_description("Un.\n\nDeux."), ROOT, load_site_config().codes)
    lines = change.text.split("\n")
    closing = lines.index("---", 1) + 1  # the front matter's closing line, numbered from 1
    assert lines[closing:] == ["", "Un.", "", "Deux.", ""]
    after = dict.fromkeys(range(closing + 1, closing + 5), ("description",))
    assert {n: held for n, held in change.lines.items() if n > closing} == after
    assert all(held != ("description",) for n, held in change.lines.items() if n <= closing)


def test_the_pull_request_of_a_practice_names_it_by_its_file():
    body = (FIXTURES / "practice-accepted.md").read_text(encoding="utf-8")
    change, problems = make_change(parse_body(FORMS["practice"], body), ROOT, load_site_config().codes)
    assert problems == []
    title, text = pull_request(Outcome(FORMS["practice"], change, ()), 5, "ana")
    assert title == "Add practice maison-de-l-accueil-a-nantes (proposed in #5)"
    assert text == (
        "Ajoute la pratique `maison-de-l-accueil-a-nantes` proposée par @ana dans #5. / Adds the practice"
        " `maison-de-l-accueil-a-nantes` proposed by @ana in #5.\n"
        "\n"
        "Closes #5\n"
        "\n"
        "Avant de fusionner, vérifiez que les sources disent ce qui est écrit. / Before merging, check that the"
        " sources say what is written.\n"
    )


def test_a_practice_whose_identifier_is_taken_is_answered_and_checked_under_the_next_free_name(tmp_path):
    practices = tmp_path / "content" / PRACTICES_FOLDER
    practices.mkdir(parents=True)
    (practices / "maison-de-l-accueil-a-nantes.md").write_text("---\n", encoding="utf-8")
    body = (FIXTURES / "practice-accepted.md").read_text(encoding="utf-8")
    change, problems = make_change(parse_body(FORMS["practice"], body), tmp_path, load_site_config().codes)
    assert problems == [
        FieldProblem(("id",), 'a practice "maison-de-l-accueil-a-nantes" exists already: choose another identifier')
    ]
    assert change.path == f"content/{PRACTICES_FOLDER}/maison-de-l-accueil-a-nantes-2.md"
