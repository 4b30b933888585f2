"""The gate of expensive downloads: few builds at once, one per distinct file, a queue that speaks, limits."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable

import pytest

from indicators.jobs import gate
from indicators.jobs.gate import Door, Gate, Limiter, RefusedError, Settings
from indicators.text.fmt import Lang
from indicators.text.i18n import t


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def flood(callers: int, ask: Callable[[int], bytes]) -> list[bytes]:
    """`callers` threads let go at the same moment, each calling ask(i); their answers in order."""
    start = threading.Barrier(callers)
    answers: list[bytes] = [b""] * callers
    errors: list[Exception] = []

    def one(i: int) -> None:
        start.wait()
        try:
            answers[i] = ask(i)
        except Exception as exc:  # noqa: BLE001 (the test reports any failure of a caller)
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    return answers


class Work:
    """Builds that take a while and count themselves: how many ran, at most how many at once."""

    def __init__(self, seconds: float = 0.2) -> None:
        self.seconds = seconds
        self.calls: Counter[str] = Counter()
        self.running = 0
        self.peak = 0
        self._lock = threading.Lock()

    def of(self, key: str) -> Callable[[], bytes]:
        def build() -> bytes:
            with self._lock:
                self.calls[key] += 1
                self.running += 1
                self.peak = max(self.peak, self.running)
            time.sleep(self.seconds)
            with self._lock:
                self.running -= 1
            return f"file {key}".encode()

        return build


# One build per distinct file, a few at once ------------------------------------------------


def test_forty_requests_at_once_build_four_distinct_files_once_each_two_at_a_time() -> None:
    work, g = Work(), Gate(slots=2, queue=12)
    keys = [f"report {i % 4}" for i in range(40)]
    answers = flood(40, lambda i: g.run(keys[i], work.of(keys[i])))
    assert answers == [f"file {k}".encode() for k in keys]
    assert work.calls == Counter({f"report {i}": 1 for i in range(4)})
    assert work.peak == 2 and g.peak == 2 and g.builds == 4
    assert g.running == 0 and g.place("report 3") == 0


def test_a_kept_file_is_handed_out_again_without_work() -> None:
    work, g = Work(0), Gate(slots=1)
    assert g.run("a", work.of("a")) == b"file a"
    assert g.ready("a") == b"file a"
    assert g.run("a", work.of("a")) == b"file a"
    assert work.calls["a"] == 1 and g.builds == 1


def test_kept_files_stay_within_their_count_and_bytes() -> None:
    g = Gate(slots=1, keep=2, keep_bytes=1000)
    for key in ("a", "b", "c"):
        g.run(key, lambda: b"x" * 300)
    assert g.kept() == ["b", "c"]  # the oldest goes first
    g.run("d", lambda: b"x" * 800)
    assert g.kept() == ["d"]  # 300 + 800 bytes is over the 1000
    g.run("e", lambda: b"x" * 2000)  # larger than all the room: given out, not kept
    assert g.kept() == ["d"] and g.ready("e") is None


def test_a_failed_build_fails_everyone_who_waited_for_it_and_is_not_kept() -> None:
    g = Gate(slots=1)
    started, release = threading.Event(), threading.Event()
    calls = Counter[str]()

    def broken() -> bytes:
        calls["broken"] += 1
        started.set()
        release.wait(10)
        raise ValueError("no template")

    outcomes: list[str] = []

    def caller() -> None:
        try:
            g.run("r", broken)
        except ValueError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=caller) for _ in range(3)]
    threads[0].start()
    started.wait(10)
    for thread in threads[1:]:
        thread.start()
    time.sleep(0.2)
    release.set()
    for thread in threads:
        thread.join(10)
    assert outcomes == ["no template"] * 3 and calls["broken"] == 1
    assert g.ready("r") is None
    assert g.run("r", lambda: b"fixed") == b"fixed"


# The queue ---------------------------------------------------------------------------------


def blocked(g: Gate, key: str = "first") -> threading.Event:
    """Occupy the gate's slots with a build that waits for the returned event."""
    release, started = threading.Event(), threading.Event()

    def hold() -> bytes:
        started.set()
        release.wait(30)
        return b"held"

    g.submit(key, hold)
    assert started.wait(10)
    return release


def test_a_waiting_caller_hears_its_place_as_the_queue_moves() -> None:
    g = Gate(slots=1, queue=5)
    release = blocked(g)
    g.submit("second", lambda: b"2")
    heard: list[int] = []
    third = threading.Thread(target=lambda: g.run("third", lambda: b"3", on_wait=heard.append))
    third.start()
    deadline = time.monotonic() + 10
    while not heard and time.monotonic() < deadline:
        time.sleep(0.01)
    assert heard == [2] and g.place("second") == 1 and g.place("third") == 2
    release.set()
    third.join(10)
    assert heard[0] == 2 and heard == sorted(heard, reverse=True)
    assert g.ready("third") == b"3"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_queue_speaks_in_plain_sentences(lang: Lang) -> None:
    assert gate.waiting(1).text(lang) == t("gate.next", lang)
    assert gate.waiting(2).text(lang) == t("gate.one_ahead", lang)
    three = gate.waiting(4).text(lang)
    assert three == t("gate.waiting", lang).format(n=3)
    start = "Đang chờ đến lượt: còn 3 yêu cầu" if lang == "vi" else "Waiting for your turn: 3 requests"
    assert three.startswith(start)
    assert gate.waiting(0).text(lang) == t("gate.running", lang)
    assert gate.wait_words(44.2).text(lang) == ("45 giây" if lang == "vi" else "45 seconds")
    assert gate.wait_words(150).text(lang) == ("3 phút" if lang == "vi" else "3 minutes")


def test_a_full_queue_refuses_with_a_time_to_retry_and_queues_nothing() -> None:
    g = Gate(slots=1, queue=2)
    release = blocked(g)
    g.submit("b", lambda: b"b")
    g.submit("c", lambda: b"c")
    with pytest.raises(RefusedError) as refused:
        g.submit("d", lambda: b"d")
    # Three builds' worth of work ahead at the first guess of ten seconds each, on one slot.
    assert refused.value.retry_after == 30
    assert refused.value.text("vi") == (
        "Máy chủ đang bận tạo nhiều tệp cho người khác. Xin thử lại sau khoảng 30 giây."
    )
    assert refused.value.text("en").endswith("Please try again in about 30 seconds.")
    assert g.place("d") == 0 and g.place("c") == 2
    # A request already queued or kept is never refused: it joins the build under way.
    joined = g.submit("c", lambda: b"other")
    release.set()
    assert joined.result(10) == b"c"
    assert g.ready("d") is None and g.builds == 3


# Limits per session and per address ------------------------------------------------------------


def test_a_limiter_allows_a_burst_then_says_how_long_to_wait() -> None:
    clock = Clock()
    limit = Limiter(3, 60, clock)
    taken = []
    for _ in range(3):
        taken.append(limit.take("s"))
        clock.now += 10
    assert taken == [0, 0, 0]
    assert limit.take("s") == pytest.approx(30)  # the first of the three leaves the window at 60 s
    assert limit.wait("s") == pytest.approx(30)
    assert limit.take("other") == 0  # another key has its own allowance
    clock.now += 30
    assert limit.take("s") == 0
    assert limit.take("s") == pytest.approx(10)  # the second leaves 10 s later


def test_a_limiter_forgets_the_oldest_keys_so_a_flood_of_addresses_keeps_memory_flat() -> None:
    limit = Limiter(1, 60, Clock(), max_keys=100)
    for i in range(10_000):
        limit.take(f"203.0.113.{i}")
    assert len(limit._times) == 100
    assert limit.wait("203.0.113.9999") > 0 and limit.wait("203.0.113.0") == 0


def door(clock: Clock, per_session: int = 2, per_address: int = 3) -> Door:
    settings = Settings(slots=1, queue=4, per_session=per_session, per_address=per_address, window=600)
    return Door(settings, clock)


def test_a_session_over_its_allowance_gets_a_sentence_with_the_time_to_retry() -> None:
    clock = Clock()
    d = door(clock)
    assert d.ask("a", lambda: b"a", "s1", "198.51.100.7") == b"a"
    clock.now += 100
    assert d.ask("b", lambda: b"b", "s1", "198.51.100.7") == b"b"
    with pytest.raises(RefusedError) as refused:
        d.ask("c", lambda: b"c", "s1", "198.51.100.7")
    assert refused.value.retry_after == 500
    assert refused.value.text("vi") == (
        "Bạn đã yêu cầu nhiều tệp trong thời gian ngắn. Xin thử lại sau khoảng 9 phút."
    )
    assert refused.value.text("en") == (
        "You have asked for many files in a short time. Please try again in about 9 minutes."
    )
    # Nothing was built, and a file already made is still handed out to the same session.
    assert d.gate.ready("c") is None and d.gate.builds == 2
    assert d.ask("a", lambda: b"new", "s1", "198.51.100.7") == b"a"


def test_many_sessions_from_one_address_share_its_allowance() -> None:
    clock = Clock()
    d = door(clock)
    for n in range(3):
        d.ask(f"r{n}", lambda: b"x", f"tab {n}", "198.51.100.7")
    with pytest.raises(RefusedError) as refused:
        d.ask("r3", lambda: b"x", "a fresh tab", "198.51.100.7")
    assert refused.value.text("en") == (
        "Many files have been asked for from your network address in a short time. "
        "Please try again in about 10 minutes."
    )
    # The refusal cost the fresh tab nothing: from another address it still has its whole allowance.
    assert d.sessions.wait("a fresh tab") == 0
    assert d.ask("r3", lambda: b"x", "a fresh tab", "192.0.2.1") == b"x"
    clock.now += 600
    assert d.ask("r4", lambda: b"x", "tab 0", "198.51.100.7") == b"x"


def test_a_request_refused_because_the_queue_is_full_costs_no_allowance() -> None:
    d = Door(Settings(slots=1, queue=1, per_session=1, per_address=1, window=600), Clock())
    release = blocked(d.gate)
    d.gate.submit("queued", lambda: b"q")
    with pytest.raises(RefusedError) as refused:
        d.ask("mine", lambda: b"m", "s1", "198.51.100.7")
    assert refused.value.message.key == "gate.busy"
    assert d.sessions.wait("s1") == 0 and d.addresses.wait("198.51.100.7") == 0
    release.set()
    assert d.gate.run("queued", lambda: b"other") == b"q"  # the queue has room again
    assert d.ask("mine", lambda: b"m", "s1", "198.51.100.7") == b"m"


def test_settings_come_from_the_environment_and_a_mistyped_one_keeps_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INDICATORS_BUILD_SLOTS", "3")
    monkeypatch.setenv("INDICATORS_BUILD_PER_SESSION", "four")
    monkeypatch.setenv("INDICATORS_BUILD_QUEUE", "-1")
    monkeypatch.setenv("INDICATORS_BUILD_WINDOW", "120")
    assert Settings.from_env() == Settings(slots=3, queue=12, per_session=8, per_address=24, window=120.0)
