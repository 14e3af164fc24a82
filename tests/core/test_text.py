"""Bidirectional control characters are shown as visible marks, never applied."""

from hypothesis import given
from hypothesis import strategies as st

from borderless.core.text import bidi_controls_marked, has_bidi_controls

CONTROLS = [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]


def test_a_right_to_left_override_in_a_file_name_becomes_a_visible_mark():
    assert bidi_controls_marked("invoice_\u202efdp.exe") == "invoice_[U+202E]fdp.exe"


def test_every_embedding_override_and_isolate_is_marked_with_its_code_point():
    marked = bidi_controls_marked("".join(CONTROLS))
    assert marked == ("[U+202A][U+202B][U+202C][U+202D][U+202E][U+2066][U+2067][U+2068][U+2069]")


def test_ordinary_text_in_every_script_we_show_is_left_alone():
    text = "Müller & Zoon B.V. – Straße, ĳssel, شركة, שלום, 株式会社 \u200f"
    assert bidi_controls_marked(text) == text
    assert not has_bidi_controls(text)


def test_empty_text_stays_empty():
    assert bidi_controls_marked("") == ""


@given(st.text(alphabet=st.characters(blacklist_characters="[")))
def test_no_control_survives_and_the_rest_of_the_text_is_kept(text):
    marked = bidi_controls_marked(text)
    assert not has_bidi_controls(marked)
    without_marks = marked
    for control in CONTROLS:
        without_marks = without_marks.replace(f"[U+{ord(control):04X}]", "")
    assert without_marks == "".join(c for c in text if c not in CONTROLS)
