"""Personnummer and samordningsnummer: what `parse` accepts and rejects (Skatteverket, SKV 707), and
that the full number never leaks through `str`, `repr` or an error message."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from portal.personnummer import (
    InvalidPersonalIdentityNumber,
    PersonalIdentityNumber,
    parse,
    validate_personal_identity_number,
)

TODAY = date(2025, 6, 15)
SWEDISH_MESSAGE = "Personnumret är inte giltigt. Kontrollera att du har skrivit rätt."


@pytest.mark.parametrize(
    ("value", "normalised", "is_coordination_number"),
    [
        ("640823-3234", "196408233234", False),
        ("6408233234", "196408233234", False),
        ("196408233234", "196408233234", False),
        ("19640823-3234", "196408233234", False),
        ("  640823-3234 ", "196408233234", False),
        ("701063-2391", "197010632391", True),
        ("19701063-2391", "197010632391", True),
        ("19121212-1212", "191212121212", False),
        ("121212+1212", "191212121212", False),
        ("20000229-4569", "200002294569", False),
        ("20240229-1237", "202402291237", False),
        ("20230791-1236", "202307911236", True),
    ],
)
def test_parse_accepts_the_documented_forms_and_stores_twelve_digits(
    value, normalised, is_coordination_number
):
    number = parse(value, today=TODAY)

    assert number.normalised == normalised
    assert number.is_coordination_number is is_coordination_number


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("121212-1212", "201212121212"),
        ("121212+1212", "191212121212"),
        ("990101-1230", "199901011230"),
        ("250614-1239", "202506141239"),
        ("250615-1238", "202506151238"),
        ("250616-1237", "192506161237"),
        ("250616+1237", "182506161237"),
        ("250675-1235", "202506751235"),
        ("250676-1234", "192506761234"),
    ],
)
def test_ten_digit_forms_get_the_latest_century_not_in_the_future(value, normalised):
    assert parse(value, today=TODAY).normalised == normalised


def test_twelve_digit_forms_keep_their_century_whatever_today_is():
    assert parse("20250616-1237", today=TODAY).normalised == "202506161237"


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("640823-3235", id="wrong check digit"),
        pytest.param("196408233230", id="wrong check digit, twelve digits"),
        pytest.param("20231301-1237", id="month 13"),
        pytest.param("20230001-1232", id="month 00"),
        pytest.param("20230230-1235", id="30 February"),
        pytest.param("19000229-4569", id="29 February in a common year"),
        pytest.param("20230431-1232", id="31 April"),
        pytest.param("19701000-1233", id="day 00"),
        pytest.param("20230792-1235", id="samordningsnummer day 92"),
        pytest.param("17640823-3234", id="century 17"),
        pytest.param("19640823+3234", id="plus in the twelve-digit form"),
        pytest.param("640823-323A", id="letter"),
        pytest.param("64O823-3234", id="letter O for zero"),
        pytest.param("６４０８２３-３２３４", id="full-width digits"),
        pytest.param("640823 3234", id="space inside"),
        pytest.param("640823--3234", id="double hyphen"),
        pytest.param("640823-323", id="too short"),
        pytest.param("64082332345", id="eleven digits"),
        pytest.param("1964082332340", id="thirteen digits"),
        pytest.param("", id="empty"),
    ],
)
def test_parse_rejects_invalid_values_with_the_swedish_message(value):
    with pytest.raises(InvalidPersonalIdentityNumber) as raised:
        parse(value, today=TODAY)

    assert str(raised.value.message) == SWEDISH_MESSAGE


@pytest.mark.parametrize("value", [None, 6408233234])
def test_parse_rejects_values_that_are_not_strings(value):
    with pytest.raises(InvalidPersonalIdentityNumber):
        parse(value, today=TODAY)


def test_constructing_directly_checks_the_number_too():
    with pytest.raises(InvalidPersonalIdentityNumber):
        PersonalIdentityNumber("196408233235")


def test_masked_str_and_repr_never_show_the_last_four_digits():
    number = parse("19121212-1212")

    assert number.masked == "19121212-****"
    assert str(number) == "19121212-****"
    assert f"{number}" == "19121212-****"
    assert repr(number) == "PersonalIdentityNumber('19121212-****')"
    assert number.display == "19121212-1212"
    for shown in (number.masked, str(number), repr(number)):
        assert "1212121212" not in shown
        assert not shown.endswith("1212")


def test_a_samordningsnummer_is_masked_with_its_date_part_as_written():
    assert parse("701063-2391", today=TODAY).masked == "19701063-****"


def test_an_error_does_not_repeat_the_value_it_was_given():
    with pytest.raises(InvalidPersonalIdentityNumber) as raised:
        parse("640823-3235", today=TODAY)

    assert "3235" not in str(raised.value)
    assert "3235" not in repr(raised.value)


def test_validator_accepts_a_valid_number():
    # A validator says yes by returning without an error.
    assert validate_personal_identity_number("19121212-1212") is None


def test_validator_raises_validation_error_with_the_swedish_message():
    with pytest.raises(ValidationError) as raised:
        validate_personal_identity_number("640823-3235")

    assert raised.value.messages == [SWEDISH_MESSAGE]
    assert raised.value.code == "invalid_personal_identity_number"
