from datetime import UTC, datetime, timedelta

import pytest

from borderless.core.throttle import Limit, LimitDecision, retry_after_minutes, strictest, window_decision

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
FIVE_IN_15 = Limit(count=5, window=timedelta(minutes=15))


def events(*minutes_ago):
    return [NOW - timedelta(minutes=m) for m in minutes_ago]


def test_below_the_limit_one_more_is_allowed():
    decision = window_decision(events(1, 2, 3, 4), now=NOW, limit=FIVE_IN_15)
    assert decision.allowed and decision.retry_after_seconds == 0


def test_a_full_window_refuses_until_the_oldest_counted_event_leaves_it():
    decision = window_decision(events(1, 2, 3, 4, 10), now=NOW, limit=FIVE_IN_15)
    assert not decision.allowed
    assert 5 * 60 <= decision.retry_after_seconds <= 5 * 60 + 1


def test_events_outside_the_window_do_not_count():
    assert window_decision(events(1, 2, 3, 4, 16, 20), now=NOW, limit=FIVE_IN_15).allowed


def test_the_window_slides_with_many_old_events():
    # Ten events, the newest five within the last five minutes: the wait is for the fifth-newest.
    decision = window_decision(events(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), now=NOW, limit=FIVE_IN_15)
    assert 10 * 60 <= decision.retry_after_seconds <= 10 * 60 + 1


def test_an_event_exactly_one_window_old_has_left_it():
    assert window_decision(events(1, 2, 3, 4, 15), now=NOW, limit=FIVE_IN_15).allowed


def test_the_strictest_refusal_wins():
    short = LimitDecision(allowed=False, retry_after_seconds=30)
    long = LimitDecision(allowed=False, retry_after_seconds=600)
    allowed = LimitDecision(allowed=True, retry_after_seconds=0)
    assert strictest([allowed, short, long]) == long
    assert strictest([allowed, allowed]).allowed
    assert strictest([]).allowed


def test_minutes_are_rounded_up():
    assert retry_after_minutes(LimitDecision(allowed=False, retry_after_seconds=61)) == 2
    assert retry_after_minutes(LimitDecision(allowed=False, retry_after_seconds=1)) == 1


@pytest.mark.parametrize(("count", "window"), [(0, timedelta(minutes=1)), (3, timedelta(0))])
def test_a_limit_that_allows_nothing_is_refused(count, window):
    with pytest.raises(ValueError):
        Limit(count=count, window=window)
