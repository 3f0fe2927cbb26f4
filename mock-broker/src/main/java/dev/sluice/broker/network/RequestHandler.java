package dev.sluice.broker.network;

/**
 * What the network layer calls with each complete request frame.
 *
 * <p>Called on the processor thread that owns the connection, one request per connection at a
 * time: the connection reads nothing more until the request is completed through exactly one of
 * {@link NetworkRequest#respond}, {@link NetworkRequest#respondNothing} or
 * {@link NetworkRequest#closeConnection}, which may happen later and from any thread (a parked
 * fetch completes from the thread that appended the awaited records, or from a timer).
 *
 * <p>An exception thrown from {@link #handle} closes that connection with a log line; it never
 * stops the processor.
 */
@FunctionalInterface
public interface RequestHandler {
    void handle(NetworkRequest request);
}
