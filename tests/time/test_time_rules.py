"""Every rule family, on sentences written for these tests (none from the seed texts)."""
import pytest

DCT = "1998-02-06"


def test_absolute_dates(tag):
    t = tag("She married him on 3 March 1921 and left on April 4, 1923; by July 1925 it was over.")
    assert t["3 March 1921"][:2] == ("DATE", "1921-03-03")
    assert t["April 4, 1923"][:2] == ("DATE", "1923-04-04")
    assert t["July 1925"][:2] == ("DATE", "1925-07")
    assert tag("The letter is dated 1931-05-02.")["1931-05-02"][1] == "1931-05-02"


def test_date_with_clock_time(tag):
    t = tag("Posted by Anna on 14 February, 2013 - 09:05 in Books")
    assert t["14 February, 2013 - 09:05"][:2] == ("TIME", "2013-02-14T09:05")
    t = tag("The train left at 10:35 a.m. and arrived at noon.", DCT)
    assert t["10:35 a.m."][1] == "1998-02-06T10:35"
    assert t["noon"][1] == "1998-02-06T12:00"
    assert tag("It was 17:45.")["17:45"][1].endswith("T17:45")


def test_years_and_non_years(tag):
    t = tag("From 1919 he lived in Vienna, and in 1848 revolutions had swept the city.")
    assert t["1919"][:2] == ("DATE", "1919") and t["1848"][1] == "1848"
    assert tag("He wrote 20 books in seven countries and led 1,000 men.") == {}
    assert tag("The regiment had 1500 soldiers and sold 1200 copies.") == {}
    assert "2500" not in tag("They paid $2500 for it.")


def test_decades(tag):
    t = tag("In the mid 1930's and throughout the 1940s, and in the late 1950s.")
    assert t["the mid 1930's"][1:4] == ("193", "MID", "1933")
    assert t["the 1940s"][1:] == ("194", None, "1940", "1949")
    assert t["the late 1950s"][1:3] == ("195", "END")


def test_centuries(tag):
    t = tag("the first half of the twentieth century was violent; the late nineteenth century less so.")
    assert t["the first half of the twentieth century"][1:] == ("19", "START", "1900", "1949")
    assert t["the late nineteenth century"][1:3] == ("18", "END")
    assert tag("a 17th century house")["17th century"][1] == "16"


def test_seasons_and_quarters(tag):
    t = tag("In the summer of 1922 they moved; the following spring they returned.")
    assert t["the summer of 1922"][1:] == ("1922-SU", None, "1922-06", "1922-08")
    assert t["the following spring"][1] == "1923-SP"
    assert tag("Profits rose in the third quarter.", DCT)["the third quarter"][1] == "1997-Q3"   # the latest one
    assert tag("Profits will rise in the third quarter.", DCT)["the third quarter"][1] == "1998-Q3"
    assert tag("Sales fell in the first half of 1997.")["the first half of 1997"][1] == "1997-H1"
    assert "fall" not in " ".join(tag("the fall of the empire"))


def test_relative_to_dct(tag):
    t = tag("Yesterday the minister said last week's vote and this year's budget would pass next month.", DCT)
    assert t["Yesterday"][1] == "1998-02-05"
    assert t["next month"][1] == "1998-03"
    t = tag("A year ago prices were lower; two weeks ago and 10 days ago too.", DCT)
    assert t["A year ago"][1] == "1997"
    assert t["two weeks ago"][1] == "1998-W04"
    assert t["10 days ago"][1] == "1998-01-27"
    assert tag("Earlier this month the firm closed.", DCT)["Earlier this month"][1:3] == ("1998-02", "START")


def test_relative_to_narrative(tag):
    t = tag("She settled in Lyon in 1926. Two years later she left, and that year she wrote a novel.")
    assert t["Two years later"][1] == "1928"
    assert t["that year"][1] == "1926"
    t = tag("In 1934 he was arrested. A couple of years later he was released.")
    assert t["A couple of years later"][1:3] == ("1936", "APPROX")


def test_weekdays(tag):
    t = tag("The strike began on Tuesday and ended last Friday.", DCT)   # DCT is a Friday
    assert t["Tuesday"][1] == "1998-02-03"
    assert t["last Friday"][1] == "1998-01-30"
    assert tag("We met on Tuesday.")["Tuesday"][1] == "XXXX-WXX-2"


def test_durations(tag):
    t = tag("He spent two years in jail, three months in hospital and a little over 10 years abroad.")
    assert t["two years"][:2] == ("DURATION", "P2Y")
    assert t["three months"][1] == "P3M"
    assert t["a little over 10 years"][1:3] == ("P10Y", "MORE_THAN")
    assert tag("It lasted for decades.")["decades"][1] == "PXDE"
    assert tag("a 2 1/2 years sentence")["2 1/2 years"][1] == "P2Y6M"
    assert tag("the past three months were hard")["the past three months"][1] == "P3M"
    assert "6-year-old" not in tag("a 6-year-old boy")


def test_references(tag):
    t = tag("He is now retired, currently in Paris; he recently wrote, was formerly a clerk; the future is open.")
    assert t["now"][1] == "PRESENT_REF" and t["currently"][1] == "PRESENT_REF"
    assert t["recently"][1] == "PAST_REF" and t["formerly"][1] == "PAST_REF"
    assert t["the future"][1] == "FUTURE_REF"


def test_sets(tag):
    t = tag("She wrote every year, published weekly, met each Thursday and travelled twice a year.")
    assert t["every year"][:2] == ("SET", "P1Y")
    assert t["weekly"][1] == "P1W"
    assert t["each Thursday"][1] == "XXXX-WXX-4"
    assert t["twice a year"][1] == "P1Y"


def test_months_and_guards(tag):
    t = tag("He arrived in May and left in March.", DCT)      # nearest reading around the DCT, as news annotators do
    assert t["May"][1] == "1998-05" and t["March"][1] == "1998-03"
    assert tag("He arrived in September.", DCT)["September"][1] == "1997-09"
    assert tag("He arrived in May.")["May"][1] == "XXXX-05"
    assert tag("It may rain; the March on the capital failed.") == {}


def test_not_time_expressions(tag):
    assert tag("In the first half of the novel the hero waits.") == {}
    assert tag("In his last days he wrote letters.", DCT) == {}


def test_old_style_dates(tag):
    t = tag("The insurrection began on 25 October 1917 (O.S.) in the capital.")
    assert t["25 October 1917"][1] == "1917-11-07"
    t = tag("By the Old Style calendar the tsar fell on 2 March 1917.")
    assert t["2 March 1917"][1] == "1917-03-15"
    assert tag("He was born on 2 March 1917.")["2 March 1917"][1] == "1917-03-02"


def test_holidays(tag):
    assert tag("at Christmas 1914 the guns fell silent")["Christmas 1914"][1] == "1914-12-25"
    assert tag("Easter 1916 changed everything")["Easter 1916"][1] == "1916-04-23"


def test_extract_timexes_on_spacy_doc(nlp):
    from kronika.extract.time import extract_timexes
    text = "In 1923 she moved to Berlin. Three years later she left for Paris."
    tx = extract_timexes(nlp(text))
    assert [(t.text, t.value) for t in tx] == [("1923", "1923"), ("Three years later", "1926")]
    assert all(text[t.start:t.end] == t.text for t in tx)


def test_titles_and_time_stamps(tag):
    t = tag("Her novel Midnight in the Century appeared; the Century was a magazine.")
    assert "Midnight" not in t and "the Century" not in t
    t = tag("Posted on 2 May 2012 - 10:15. In 1926 she moved. Two years later she left.")
    assert t["Two years later"][1] == "1928"


def test_biography_dates(tag):
    t = tag("Lena Vos (30 December 1890 – 17 November 1947) was a Dutch painter.")
    assert t["30 December 1890"][1] == "1890-12-30" and t["17 November 1947"][1] == "1947-11-17"
    t = tag("She worked in Ghent 1921-1925, moved c. 1926 and painted late in 1930.")
    assert t["1921"][1] == "1921" and t["1925"][1] == "1925"
    assert t["c. 1926"][1:3] == ("1926", "APPROX")
    assert t["late in 1930"][1:3] == ("1930", "END")
    assert tag("the winter of 1929-30 was harsh")["the winter of 1929-30"][1] == "1929-WI"
    assert tag("They hired 1500-2000 workers.") == {}


def test_story_told_long_after(tag):
    t = tag("In 1919 she reached Odessa. In October she joined the theatre, and on 5 November she sang.", "2011-09-28")
    assert t["October"][1] == "1919-10" and t["5 November"][1] == "1919-11-05"
    t = tag("Sales have doubled since 2005. In March they fell.", "2011-09-28")   # news: back to its own time
    assert t["March"][1] == "2011-03"


def test_hundreds_are_centuries_and_discourse_now(tag):
    assert tag("ships of the 1800s")["the 1800s"][1] == "18"
    assert "Now" not in tag('He paused. Now, he says, it is over.', DCT)
    assert tag("They are now married.", DCT)["now"][1] == "PRESENT_REF"


def test_fiscal_periods(tag):
    assert tag("Net income for the year ended June 30 rose.", DCT)["the year"][:2] == ("DURATION", "P1Y")
    assert tag("For the year, volume was flat.", DCT)["the year"][:2] == ("DATE", "1998")


def test_clock_times_take_the_last_day_of_the_story(tag):
    t = tag("Flight report, April 27, 2005. The plan dated from January 2005. Take-off was at 08:30 UTC.")
    assert t["08:30 UTC"][1] == "2005-04-27T08:30Z"
    t = tag("On 3 May 1920 she left. In 1925 she returned at 10:15 a.m.")
    assert t["10:15 a.m."][1] == "XXXX-XX-XXT10:15"


def test_recent_unit_is_an_open_duration(tag):
    # "(in) recent years/weeks": a stretch of unspecified length up to now (TimeML DURATION PX<unit>)
    t = tag("Rents in the valley have climbed in recent years, and in recent weeks the council balked.", DCT)
    assert t["recent years"][:2] == ("DURATION", "PXY")
    assert t["recent weeks"][:2] == ("DURATION", "PXW")
    assert "in recent years" not in t
    t = tag("Snow has closed the pass twice in recent days.", DCT)
    assert t["recent days"][:2] == ("DURATION", "PXD")
    # "recent times" is not a measured stretch: it stays a past reference
    assert tag("In recent times the harbour silted up.", DCT)["recent times"][:2] == ("DATE", "PAST_REF")


def test_trading_and_business_days_are_days(tag):
    t = tag("The index slid over the past four trading days; refunds take ten business days.", DCT)
    assert t["the past four trading days"][:2] == ("DURATION", "P4D")
    assert t["ten business days"][:2] == ("DURATION", "P10D")
    assert tag("She worked three working days a week.", DCT)["three working days"][1] == "P3D"


def test_straight_and_consecutive_units_are_durations(tag):
    t = tag("The river rose for nine straight days after three consecutive weeks of rain.", DCT)
    assert t["nine straight days"][:2] == ("DURATION", "P9D")
    assert t["three consecutive weeks"][:2] == ("DURATION", "P3W")


def test_closing_part_of_a_named_year(tag):
    t = tag("Exports slumped in the final quarter of 1991 and recovered in the latter half of 1992.", DCT)
    assert t["the final quarter of 1991"][:2] == ("DATE", "1991-Q4")
    assert t["the latter half of 1992"][:2] == ("DATE", "1992-H2")
    # without a year, "the last quarter" is still the quarter before the DCT's
    assert tag("Margins narrowed in the last quarter.", DCT)["the last quarter"][1] == "1997-Q4"


def test_bare_weekday_looks_ahead_after_future_cues(tag):
    # DCT 1998-02-06 is a Friday: a weekday after "as early as", "might", "is to" is the coming one
    assert tag("The ferry could sail as early as Tuesday, officials said.", DCT)["Tuesday"][1] == "1998-02-10"
    assert tag("The two ministers might meet on Monday in Geneva.", DCT)["Monday"][1] == "1998-02-09"
    assert tag("The exchange is to reopen Wednesday after repairs.", DCT)["Wednesday"][1] == "1998-02-11"
    # without such a cue a bare weekday in news is the past one
    assert tag("The ministers met on Monday in Geneva.", DCT)["Monday"][1] == "1998-02-02"
