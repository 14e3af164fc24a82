"""Every reason and problem text exists in the three languages with the same placeholders and
addresses the reader formally: "Sie" in German, "u" in Dutch."""

import re

import pytest

from borderless.core.i18n import Message
from borderless.core.instruments import pathways, schema, texts
from tests.core.translations import tr, translated

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def all_texts():
    for module in (texts, schema, pathways):
        for name, value in vars(module).items():
            if isinstance(value, Message):
                yield f"{module.__name__}.{name}", value
            elif isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(item, Message):
                        yield f"{module.__name__}.{name}[{key}]", item


TEXTS = dict(all_texts())


def test_there_are_texts_to_check():
    assert len(TEXTS) > 100


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_same_placeholders_in_every_language(name):
    text = TEXTS[name]
    assert translated(text, "de") and translated(text, "nl")
    en, de, nl = (tr(text, lang) for lang in ("en", "de", "nl"))
    assert set(PLACEHOLDER.findall(en)) == set(PLACEHOLDER.findall(de)) == set(PLACEHOLDER.findall(nl))


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_formal_address(name):
    text = TEXTS[name]
    assert not re.search(r"\b(du|dein\w*|dich|dir)\b", tr(text, "de"), re.IGNORECASE)
    assert not re.search(r"\b(je|jij|jouw|jou)\b", tr(text, "nl"), re.IGNORECASE)
