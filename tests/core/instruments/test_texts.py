"""Every reason and problem text exists in the three languages with the same placeholders and
addresses the reader formally: "Sie" in German, "u" in Dutch."""

import re

import pytest

from borderless.core.instruments import pathways, schema, texts
from borderless.core.quickscan.text import Text

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def all_texts():
    for module in (texts, schema, pathways):
        for name, value in vars(module).items():
            if isinstance(value, Text):
                yield f"{module.__name__}.{name}", value
            elif isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(item, Text):
                        yield f"{module.__name__}.{name}[{key}]", item


TEXTS = dict(all_texts())


def test_there_are_texts_to_check():
    assert len(TEXTS) > 100


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_same_placeholders_in_every_language(name):
    text = TEXTS[name]
    assert text.en and text.de and text.nl
    assert set(PLACEHOLDER.findall(text.en)) == set(PLACEHOLDER.findall(text.de)) == set(PLACEHOLDER.findall(text.nl))


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_formal_address(name):
    text = TEXTS[name]
    assert not re.search(r"\b(du|dein\w*|dich|dir)\b", text.de, re.IGNORECASE)
    assert not re.search(r"\b(je|jij|jouw|jou)\b", text.nl, re.IGNORECASE)
