"""Turns a submitted issue form into its change, or into the answer to post on the issue.

Run by .github/workflows/forms.yml on the event of an issue carrying a form's label:

    python -m scripts.form_proposal --event "$GITHUB_EVENT_PATH" --out DIR [--github-output FILE]

Everything of the issue is read from the event file, never from the command line. On success the
new entry or practice file is left in the working tree and DIR holds the commit message, the pull
request's title and body; otherwise DIR/answer.md names the form's fields to correct. The outcome
(`pr`, `answer`, or `none` for an issue that is no form) is DIR/outcome and, with
--github-output, the step's outputs `outcome` and `answer`. Exits 0 in all three cases.
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
from pathlib import Path

from alliance.forms.issueform import UnreadableForm, form_for_labels, load_forms, parse_body
from alliance.forms.proposal import answer, co_author, propose, pull_request, thanks, unreadable
from alliance.paths import ROOT
from alliance.siteconfig import load_site_config


def github_output(name: str, value: str) -> str:
    """One output of a step, with a delimiter the value cannot contain."""
    delimiter = f"EOF_{secrets.token_hex(16)}"
    return f"{name}<<{delimiter}\n{value}\n{delimiter}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--event", type=Path, required=True, help="the issues event (GITHUB_EVENT_PATH)")
    parser.add_argument(
        "--out", type=Path, required=True, help="folder for the commit message, pull request and answer"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository to change")
    parser.add_argument("--github-output", type=Path, help="GITHUB_OUTPUT, to set the step's outputs")
    args = parser.parse_args(argv)
    issue = json.loads(args.event.read_text(encoding="utf-8"))["issue"]
    labels = tuple(label["name"] for label in issue.get("labels", ()))
    form = form_for_labels(load_forms(args.root / ".github" / "ISSUE_TEMPLATE"), labels)
    args.out.mkdir(parents=True, exist_ok=True)
    outcome_name, answer_text, changed = "none", "", ""
    if form is not None:
        try:
            outcome = propose(parse_body(form, issue.get("body") or ""), args.root, load_site_config().codes)
        except UnreadableForm as error:
            outcome = unreadable(form, error)
        user = issue.get("user") or {}
        login, user_id = str(user.get("login", "")), int(user.get("id", 0))
        if outcome.accepted and outcome.change is not None:
            outcome_name, answer_text, changed = "pr", thanks(), outcome.change.path
            title, body = pull_request(outcome, issue["number"], login)
            trailer = co_author(login, user_id)
            message = f"{title}\n\nFrom the form of issue #{issue['number']}.\n" + (f"\n{trailer}\n" if trailer else "")
            (args.out / "commit.txt").write_text(message, encoding="utf-8")
            (args.out / "pr-title.txt").write_text(title, encoding="utf-8")
            (args.out / "pr-body.md").write_text(body, encoding="utf-8")
            (args.out / "changed.txt").write_text(changed + "\n", encoding="utf-8")
        else:
            outcome_name, answer_text = "answer", answer(outcome)
    (args.out / "outcome").write_text(outcome_name, encoding="utf-8")
    (args.out / "answer.md").write_text(answer_text, encoding="utf-8")
    if args.github_output:
        with args.github_output.open("a", encoding="utf-8") as out:
            out.write(github_output("outcome", outcome_name) + github_output("answer", answer_text))
    print(
        f"{outcome_name}: {changed if outcome_name == 'pr' else answer_text}"
        if form
        else "none: the issue carries no form's label"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
