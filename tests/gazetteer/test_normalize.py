from gazetteer.normalize import exact_key, is_latin, loose_key


def test_exact_key_forgives_case_accents_and_punctuation():
    assert exact_key("Tall ‘Afar") == exact_key("tall 'afar") == "tall afar"
    assert exact_key("Tikrīt") == "tikrit"
    assert exact_key("U.S.") == "us"
    assert exact_key("Deir ez-Zor") == "deir ez zor"


def test_exact_key_keeps_different_names_apart():
    assert exact_key("Mosul") != exact_key("Mosel")
    assert exact_key("") == ""


def test_loose_key_folds_arabic_transliteration_variants():
    assert loose_key("Ar-Raqqah") == loose_key("Raqqa") == loose_key("Raqa") == loose_key("al-Raqqa")
    assert loose_key("Tal Afar") == loose_key("Tall Afar") == loose_key("Tell Afar")
    assert loose_key("Ash Shaddadi") == loose_key("Shaddadi")


def test_loose_key_keeps_an_article_that_is_the_whole_name():
    assert loose_key("Al") == "al"


def test_is_latin():
    assert is_latin("Tikrīt") and is_latin("Deir ez-Zor")
    assert not is_latin("الموصل") and not is_latin("Москва")
