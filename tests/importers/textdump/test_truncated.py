

def test_a_document_that_only_talks_about_the_form_is_not_a_form() -> None:
    from pathlib import Path

    from jixiao.importers.textdump import parse_text

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    result = parse_text(readme, "README.md")
    assert result.forms == []
    assert [i.code for i in result.issues] == ["text-no-form"]
