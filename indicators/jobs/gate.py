"""Expensive work a viewer asks for (báo cáo, large Excel files): a few at once, each once, a fair share each.

A report draws charts in Chromium and converts in LibreOffice: a few hundred megabytes and a
core for seconds. Without a bound, a dozen clicks start a dozen browsers. The rule here:

- `Gate`: at most `slots` builds run at once in the whole process; the rest wait in a queue of
  bounded length, in order, and a waiting caller hears its place; a full queue is refused with
  a time to try again. Identical requests (same key) share one build; a finished file is kept
  (a bounded number of bytes) and handed out again without any work.
- `Limiter`: at most `count` new builds per `window` seconds for one key (a session, an address).
- `Door`: both together, the rule the dashboard applies to every expensive download.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

from indicators.text.i18n import Message, MessageError, Num, msg

Clock = Callable[[], float]
# Until a build has been timed, a guess at one (a report with charts and a PDF, on a loaded machine).
FIRST_GUESS_SECONDS = 10.0
POLL_SECONDS = 0.5


class RefusedError(MessageError):
    """A request turned away (too many at once, or from one session or address); says when to retry."""

    def __init__(self, message: Message, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def wait_words(seconds: float) -> Message:
    """A wait in words: "45 giây" under a minute and a half, "3 phút" beyond."""
    whole = max(1, math.ceil(seconds))
    if whole < 90:
        return msg("gate.seconds", n=Num(whole, 0))
    return msg("gate.minutes", n=Num(math.ceil(whole / 60), 0))


def waiting(place: int) -> Message:
    """What a caller in the queue reads: how many requests are ahead of theirs, or that theirs is started."""
    if place <= 0:
        return msg("gate.running")
    if place == 1:
        return msg("gate.next")
    return msg("gate.one_ahead") if place == 2 else msg("gate.waiting", n=Num(place - 1, 0))


class Limiter:
    """At most `count` requests per `window` seconds for each key; remembers at most `max_keys` keys.

    A sliding window of request times: a burst uses the allowance, which comes back request by request
    as each leaves the window. The oldest keys are forgotten first, so a flood of new addresses
    cannot grow the memory without end.
    """

    def __init__(
        self, count: int, window: float, clock: Clock = time.monotonic, max_keys: int = 10_000
    ) -> None:
        self.count, self.window, self.max_keys = count, window, max_keys
        self._clock = clock
        self._times: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, key: str) -> float:
        """Seconds until `key` may ask again; 0 when it may now. Asking does not count."""
        with self._lock:
            return self._wait(key, self._clock())

    def take(self, key: str) -> float:
        """Count one request of `key` and return 0, or return the seconds to wait and count nothing."""
        with self._lock:
            now = self._clock()
            wait = self._wait(key, now)
            if wait == 0:
                self._times.setdefault(key, deque()).append(now)
                self._times.move_to_end(key)
                while len(self._times) > self.max_keys:
                    self._times.popitem(last=False)
            return wait

    def _wait(self, key: str, now: float) -> float:
        times = self._times.get(key)
        if times is None:
            return 0.0
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) < self.count:
            return 0.0
        return times[0] + self.window - now


class Gate:
    """At most `slots` builds at once, a queue of at most `queue` waiting, one build per key, files kept.

    Builds run on the gate's own `slots` threads, not the caller's: a reader who leaves the page does
    not cancel a build others wait for, and the number of builds never depends on how many ask.
    """

    def __init__(
        self,
        slots: int = 2,
        queue: int = 12,
        keep: int = 16,
        keep_bytes: int = 64 << 20,
        clock: Clock = time.monotonic,
    ) -> None:
        self.slots, self.queue, self.keep, self.keep_bytes = slots, queue, keep, keep_bytes
        self._clock = clock
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="indicators-build")
        self._flights: dict[Hashable, Future[bytes]] = {}
        self._waiting: list[Hashable] = []  # keys not started yet, first come first
        self._kept: OrderedDict[Hashable, bytes] = OrderedDict()
        self._seconds = FIRST_GUESS_SECONDS  # a running average of one build, for "try again in"
        self.running = 0
        self.peak = 0  # the most builds ever running at once (tests and benchmarks read it)
        self.builds = 0  # builds started

    def ready(self, key: Hashable) -> bytes | None:
        """The kept file of `key`, if it was built and is still kept."""
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def kept(self) -> list[Hashable]:
        """The keys of the files kept, oldest first."""
        with self._lock:
            return list(self._kept)

    def place(self, key: Hashable) -> int:
        """Where `key` stands: 1 for the next to start, 2 behind one, …; 0 when building or not queued."""
        with self._lock:
            return self._waiting.index(key) + 1 if key in self._waiting else 0

    def retry_after(self) -> int:
        """Seconds until the queue has room again, roughly: the work ahead shared by the slots."""
        with self._lock:
            return self._retry_after()

    def submit(self, key: Hashable, work: Callable[[], bytes]) -> Future[bytes]:
        """The build of `key`: the kept file, the build already under way, or a new one in the queue.

        Raises RefusedError when the queue is full.
        """
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                done: Future[bytes] = Future()
                done.set_result(kept)
                return done
            flight = self._flights.get(key)
            if flight is not None:
                return flight
            if len(self._waiting) >= self.queue:
                wait = self._retry_after()
                raise RefusedError(msg("gate.busy", wait=wait_words(wait)), wait)
            self._waiting.append(key)
            # The build takes the lock first, so it finds itself in the flights and the queue.
            flight = self._pool.submit(self._build, key, work)
            self._flights[key] = flight
            return flight

    def run(
        self, key: Hashable, work: Callable[[], bytes], on_wait: Callable[[int], None] | None = None
    ) -> bytes:
        """The file of `key`, built at most once at a time; `on_wait(place)` hears each change of place."""
        return self.follow(key, self.submit(key, work), on_wait)

    def follow(
        self, key: Hashable, flight: Future[bytes], on_wait: Callable[[int], None] | None = None
    ) -> bytes:
        """Wait for the build of `key` (from submit), telling `on_wait` each new place in the queue."""
        heard: int | None = None
        while True:
            place = self.place(key)
            if on_wait is not None and place != heard and not flight.done():
                on_wait(place)
                heard = place
            try:
                return flight.result(timeout=POLL_SECONDS)
            except FutureTimeout:
                continue

    def _retry_after(self) -> int:
        ahead = len(self._waiting) + self.running
        return max(5, math.ceil(self._seconds * ahead / self.slots))

    def _build(self, key: Hashable, work: Callable[[], bytes]) -> bytes:
        with self._lock:
            self._waiting.remove(key)
            self.running += 1
            self.builds += 1
            self.peak = max(self.peak, self.running)
        start = self._clock()
        try:
            made = work()
            with self._lock:
                self._seconds = 0.7 * self._seconds + 0.3 * (self._clock() - start)
                self._keep(key, made)
            return made
        finally:
            with self._lock:
                self.running -= 1
                self._flights.pop(key, None)

    def _keep(self, key: Hashable, made: bytes) -> None:
        """Keep the newest files within `keep` entries and `keep_bytes` bytes; an oversized one is not."""
        if len(made) > self.keep_bytes:
            return
        self._kept[key] = made
        self._kept.move_to_end(key)
        while len(self._kept) > self.keep or sum(len(v) for v in self._kept.values()) > self.keep_bytes:
            self._kept.popitem(last=False)


@dataclass(frozen=True)
class Settings:
    """The numbers of the rule, from the environment where set (see from_env)."""

    slots: int = 2
    queue: int = 12
    per_session: int = 8
    per_address: int = 24
    window: float = 600.0

    @classmethod
    def from_env(cls) -> Settings:
        """$INDICATORS_BUILD_SLOTS, _QUEUE, _PER_SESSION, _PER_ADDRESS, _WINDOW (seconds), else defaults."""
        base = cls()

        def number(name: str, default: float) -> float:
            raw = os.environ.get(f"INDICATORS_BUILD_{name}", "").strip()
            try:
                value = float(raw) if raw else default
            except ValueError:
                return default  # a mistyped setting keeps the safe default rather than stopping the server
            return value if value > 0 else default

        return cls(
            slots=int(number("SLOTS", base.slots)),
            queue=int(number("QUEUE", base.queue)),
            per_session=int(number("PER_SESSION", base.per_session)),
            per_address=int(number("PER_ADDRESS", base.per_address)),
            window=number("WINDOW", base.window),
        )


class Door:
    """The rule for an expensive download: a kept file is free; a new one counts, then waits its turn."""

    def __init__(self, settings: Settings | None = None, clock: Clock = time.monotonic) -> None:
        s = settings or Settings()
        self.settings = s
        self.gate = Gate(s.slots, s.queue, clock=clock)
        self.sessions = Limiter(s.per_session, s.window, clock)
        self.addresses = Limiter(s.per_address, s.window, clock)
        self._lock = threading.Lock()

    def ask(
        self,
        key: Hashable,
        work: Callable[[], bytes],
        session: str,
        address: str = "",
        on_wait: Callable[[int], None] | None = None,
    ) -> bytes:
        """The file of `key` for this session and address; RefusedError says when to try again."""
        kept = self.gate.ready(key)
        if kept is not None:
            return kept
        with self._lock:
            self._check(session, address)
            flight = self.gate.submit(key, work)  # a full queue refuses before anything is counted
            self.sessions.take(session)
            if address:
                self.addresses.take(address)
        return self.gate.follow(key, flight, on_wait)

    def _check(self, session: str, address: str) -> None:
        """Raise RefusedError when the session or the address has used its allowance."""
        mine = self.sessions.wait(session)
        if mine:
            raise RefusedError(msg("gate.session", wait=wait_words(mine)), math.ceil(mine))
        # Without an address (a bare run, a test) there is only the session's own allowance.
        shared = self.addresses.wait(address) if address else 0.0
        if shared:
            raise RefusedError(msg("gate.address", wait=wait_words(shared)), math.ceil(shared))
