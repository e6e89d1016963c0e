from accord.ingest.dates import find_date, is_date_line, parse_date


def test_parses_the_forms_news_uses():
    assert parse_date("31 May 2007") == "2007-05-31"
    assert parse_date("Aug 6, 2007") == "2007-08-06"
    assert parse_date("Monday, September 3rd, 2012") == "2012-09-03"
    assert parse_date("2019-04-10T08:30:00Z") == "2019-04-10"
    assert parse_date("2011-03") == "2011-03"
    assert parse_date("1999") == "1999"


def test_rejects_what_is_not_a_date():
    assert parse_date("") is None
    assert parse_date("next Tuesday") is None
    assert parse_date("31 Smarch 2007") is None
    assert parse_date("2007-02-30") is None


def test_finds_the_first_date_in_running_text():
    found = find_date("Posted by the desk on 12 June 2010, updated 13 June 2010")
    assert found is not None
    assert found[0].isoformat() == "2010-06-12"
    assert found[1] == "12 June 2010"


def test_date_lines_are_dates_and_little_else():
    assert is_date_line("4 March 2011")
    assert is_date_line("Updated: Aug 6, 2007")
    assert not is_date_line("On 4 March 2011 the two governments signed a long agreement about fishing rights")
