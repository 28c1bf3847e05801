"""Modality of an event, read from the parse around its trigger: reported (attributed), speculative
(hedged) and negated (told as not done), on sentences written for these tests and parsed by the
real model."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from geomap import nlp
from geomap.events.modality import is_negated, is_reported, is_speculative


def parse(text: str) -> Doc:
    """The sentence parsed as events parse their sentences."""
    (sentence,) = nlp.load()(text).sents
    (parsed,) = nlp.parse([sentence])
    return parsed


def flags(text: str, trigger: str) -> tuple[bool, bool, bool]:
    """(reported, speculative, negated) of the event whose trigger is the word `trigger`."""
    parsed = parse(text)
    head = next(token.i for token in parsed if token.text == trigger)
    return is_reported(parsed, head), is_speculative(parsed, head), is_negated(parsed, head)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Militants attacked a checkpoint in Kismayo, Iraqi officials said.", "attacked"),
    ("Officials said gunmen attacked a bank in Kismayo on Monday.", "attacked"),
    ("According to the police, gunmen stormed a hotel in Baidoa.", "stormed"),
    ("Militants attacked a checkpoint in Kismayo, according to residents.", "attacked"),
    ("The ministry announced that troops had captured the town of Jilib.", "captured"),
    ("Gunmen stormed a hotel in Baidoa, the governor told reporters.", "stormed"),
    ("The bombing, Iraqi officials said, killed nine people in Tikrit.", "bombing"),
    ("Nine people were killed when a suicide bomber attacked a funeral, Iraqi officials said.",
     "attacked"),
])
def test_an_attributed_event_is_reported(text, trigger):
    assert flags(text, trigger) == (True, False, False)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Two men were arrested by police in Leeds on Friday.", "arrested"),
    # a passive with no one behind it attributes nothing
    ("No arrests were reported in Leeds on Friday.", "arrests"),
    # the speaker of a claim of responsibility asserts the attack
    ("Al-Shabaab claimed responsibility for the attack on the checkpoint.", "attack"),
    # an order, not a report
    ("The army told residents to flee the town of Afgooye.", "flee"),
])
def test_an_event_told_as_fact_is_not_reported(text, trigger):
    assert flags(text, trigger)[0] is False


@pytest.mark.parametrize(("text", "trigger"), [
    ("Rebels allegedly attacked the convoy near Homs.", "attacked"),
    ("The commander is believed to have fled Baidoa.", "fled"),
    ("Militants may have attacked the base near Jilib.", "attacked"),
    ("Rebels reportedly seized the town of Afmadow.", "seized"),
    ("The leader is thought to have fled Raqqa.", "fled"),
    ("The army apparently shelled the village of Dayniile.", "shelled"),
    ("A suspected drone strike hit a car in Jilib.", "strike"),
    ("The army could have bombed the bridge at Afgooye.", "bombed"),
    ("He is rumoured to have fled to Syria.", "fled"),
    ("Diplomats believe the general has fled to Kenya.", "fled"),
    ("The raids were thought to have been carried out by the army.", "raids"),
])
def test_a_hedged_event_is_speculative(text, trigger):
    assert flags(text, trigger)[1] is True


def test_hearsay_is_reported_and_speculative():
    assert flags("The governor is reported to have abandoned the capital.", "abandoned") == (
        True, True, False)
    # what a claim says happened, down to where he was hurt, is the claimant's word
    assert flags("A rebel spokesman claimed that the governor was wounded in a drone strike.",
                 "strike") == (True, True, False)


@pytest.mark.parametrize(("text", "trigger"), [
    # who did it is hedged, not that it happened
    ("Suspected militants attacked a checkpoint in Kismayo.", "attacked"),
    # the hedge is on the toll of the attack, not on the attack
    ("Dozens are feared dead in the attack on the market in Baidoa.", "attack"),
    # "could not" tells of a failure
    ("Troops could not enter the city of Jilib.", "enter"),
    # a modal of the reported clause's speaker ("would say"), not of the event
    ("Officials would only say that gunmen attacked the bank.", "attacked"),
])
def test_hedges_elsewhere_leave_the_event_asserted(text, trigger):
    assert flags(text, trigger)[1] is False


@pytest.mark.parametrize(("text", "trigger"), [
    ("The army did not attack the town of Jilib.", "attack"),
    ("Troops never entered the town of Jilib.", "entered"),
    ("Troops received no order to advance on the port.", "advance"),
    ("The group denied attacking the convoy near Baidoa.", "attacking"),
    ("The army denied that its troops shelled the village.", "shelled"),
    ("Rebels failed to capture the airport at Kismayo.", "capture"),
    ("Rebels were prevented from entering the city of Baidoa.", "entering"),
    ("Troops entered the town without a fight.", "fight"),
    ("There was no attack on the market on Friday.", "attack"),
])
def test_an_event_told_as_not_done_is_negated(text, trigger):
    assert flags(text, trigger)[2] is True


@pytest.mark.parametrize(("text", "trigger"), [
    # "no one was hurt" negates the toll, not the event: the bomb did explode
    ("A bomb exploded near the market in Baidoa, but no one was hurt.", "exploded"),
    ("No one was hurt in the attack on the market in Baidoa.", "attack"),
    ("Troops entered the town without a fight.", "entered"),
    ("The army has not only attacked the town but also shelled the village.", "attacked"),
    ("The army did not hesitate to attack the town.", "attack"),
    # a denial of responsibility is not a denial that the attack happened
    ("The group denied responsibility for the attack on the convoy.", "attack"),
    # what one did after failing is done
    ("The driver failed to stop and collided with a van on the bypass.", "collided"),
])
def test_negations_elsewhere_leave_the_event_done(text, trigger):
    assert flags(text, trigger)[2] is False


def test_a_failure_is_negated_not_speculated():
    assert flags("Troops could not enter the city of Jilib.", "enter") == (False, False, True)
