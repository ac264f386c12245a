package dev.skillbase.server;

/** A client's event could not be queued: the analytics queue is full for now (503, to be retried). */
public final class AnalyticsBusyException extends RuntimeException {
    public AnalyticsBusyException() {
        super("the analytics queue is full; the event was not recorded: send it again shortly");
    }
}
