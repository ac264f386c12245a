package dev.skillbase.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one second forward each time it is read, so that every publication has its own time. */
public final class TickingClock extends Clock {
    private final AtomicLong seconds;

    public TickingClock(Instant start) {
        this.seconds = new AtomicLong(start.getEpochSecond());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(seconds.getAndIncrement());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a ticking test clock has no zone but UTC");
    }
}
