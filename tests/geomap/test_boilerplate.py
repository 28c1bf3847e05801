from geomap.read.boilerplate import mask_for_parsing


def test_links_and_furniture_are_blanked_and_offsets_kept():
    text = ("Skip to main content\nShare this articleClose Button\n"
            "Fighters fled to Tal Afarhttps://t.co/abc123 on Monday.\nRead more: Rain in Paris\n")
    masked = mask_for_parsing(text)
    assert len(masked) == len(text)
    assert masked.splitlines()[0].strip() == "" and masked.splitlines()[1].strip() == ""
    assert "Tal Afar " in masked and "https" not in masked
    assert "Paris" not in masked
    assert masked.index("Fighters") == text.index("Fighters")


def test_reporting_lines_are_kept_even_when_they_start_like_furniture():
    line = ("Read more about how the offensive unfolded across the province of Nineveh "
            "as troops moved north from Qayyarah towards the city.")
    assert mask_for_parsing(line) == line


def test_windows_punctuation_read_as_control_characters_is_punctuation_again():
    text = "NEWARK \x97 He said \x93yes\x94 \x85 and left\x81."
    masked = mask_for_parsing(text)
    assert masked == "NEWARK \u2014 He said \u201cyes\u201d \u2026 and left ."
