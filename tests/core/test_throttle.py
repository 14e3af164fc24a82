from datetime import UTC, datetime, timedelta

from borderless.core.throttle import login_throttle

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
WINDOW = timedelta(minutes=15)


def failures(*minutes_ago):
    return [NOW - timedelta(minutes=m) for m in minutes_ago]


def test_below_the_limit_is_not_locked():
    decision = login_throttle(failures(1, 2, 3, 4), now=NOW, limit=5, window=WINDOW)
    assert not decision.locked


def test_reaching_the_limit_locks_until_the_oldest_counted_failure_leaves_the_window():
    decision = login_throttle(failures(1, 2, 3, 4, 10), now=NOW, limit=5, window=WINDOW)
    assert decision.locked
    assert 5 * 60 <= decision.retry_after_seconds <= 5 * 60 + 1


def test_failures_outside_the_window_do_not_count():
    decision = login_throttle(failures(1, 2, 3, 4, 16, 20), now=NOW, limit=5, window=WINDOW)
    assert not decision.locked
