"""Issue form definitions read back (alliance/forms/issueform.py): what a proposal is checked against."""

from __future__ import annotations

from pathlib import Path

from alliance.forms.issueform import FormField, IssueForm, form_for_labels, load_form, load_forms, parse_body

# A form as GitHub's issue form syntax writes it: a text block, plain dropdown options, checkboxes
# of which one must be ticked.
SMALL_FORM = """\
name: Ville / City
labels: [proposition, ville]
body:
  - type: markdown
    attributes:
      value: Merci ! / Thank you!
  - type: input
    id: name
    attributes:
      label: Nom / Name
  - type: dropdown
    id: country
    attributes:
      label: Pays / Country
      options: [FR, PT]
  - type: checkboxes
    id: checks
    attributes:
      label: Vérifications / Checks
      options:
        - label: Sources publiques / Public sources
          required: true
        - label: Une traduction / A translation
        - label: Relu / Proofread
          required: false
"""


def test_a_form_is_read_as_its_labels_and_fields_with_the_boxes_to_tick(tmp_path: Path):
    path = tmp_path / "city.yml"
    path.write_text(SMALL_FORM, encoding="utf-8")
    assert load_form(path) == IssueForm(
        "city",
        ("proposition", "ville"),
        (
            FormField("name", "input", "Nom / Name", ()),
            FormField("country", "dropdown", "Pays / Country", ()),
            FormField("checks", "checkboxes", "Vérifications / Checks", ("Sources publiques / Public sources",)),
        ),
    )


def test_a_form_without_labels_is_never_the_form_of_an_issue(tmp_path: Path):
    (tmp_path / "config.yml").write_text("blank_issues_enabled: false\n", encoding="utf-8")
    (tmp_path / "city.yml").write_text(SMALL_FORM, encoding="utf-8")
    (tmp_path / "note.yml").write_text(
        "name: Note\nbody:\n  - type: textarea\n    id: text\n    attributes:\n      label: Texte / Text\n",
        encoding="utf-8",
    )
    forms = load_forms(tmp_path)
    assert forms[1] == IssueForm("note", (), (FormField("text", "textarea", "Texte / Text", ()),))
    assert [form.name for form in forms] == ["city", "note"]
    assert form_for_labels(forms, ("ville",)) == forms[0]
    assert form_for_labels(forms, ()) is None


def test_a_body_is_read_as_each_fields_text_and_ticked_boxes():
    """The Markdown GitHub writes from a form: a text field rendered as code is fenced; a box is
    ticked with x or X; a field after the checkboxes is read too; a field the form does not have
    reads as empty."""
    form = IssueForm(
        "city",
        ("ville",),
        (
            FormField("checks", "checkboxes", "Checks", ()),
            FormField("note", "textarea", "Note", ()),
            FormField("name", "input", "Name", ()),
        ),
    )
    body = "### Checks\n\n- [x] One\n- [X] Two\n- [ ] Three\n\n### Note\n\n```yaml\na: 1\n```\n\n### Name\n\nLisbon\n"
    submission = parse_body(form, body)
    assert submission.checked == {"checks": ("One", "Two")}
    assert submission.values == {"note": "a: 1", "name": "Lisbon"}
    assert submission.text("absent") == ""
