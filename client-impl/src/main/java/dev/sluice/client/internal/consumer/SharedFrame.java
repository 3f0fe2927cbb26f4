package dev.sluice.client.internal.consumer;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * One fetch response's frame, shared by the {@link CompletedFetch}es of the partitions it carried
 * (their records are views of it). It goes back to the network client's buffer pool when the last
 * reader lets go, never before: the response handler holds one reference while it builds the
 * fetches, and each fetch holds one until it is drained or dropped (seek, unassignment, close).
 *
 * <p>Confined by the network client's lock: the response handler runs inside {@code
 * NetworkClient.poll} (on the application thread, or on the heartbeat thread, which polls under the
 * same lock), and {@code poll}, {@code seek} and {@code close} release fetches under it too.
 */
final class SharedFrame {
    private final ByteBuffer frame;
    private final Consumer<ByteBuffer> giveBack;
    private int references = 1;

    /**
     * @param frame    the response's frame, or null for a response that has none
     * @param giveBack called with {@code frame} once, when the last reference is released
     */
    SharedFrame(final ByteBuffer frame, final Consumer<ByteBuffer> giveBack) {
        this.frame = frame;
        this.giveBack = giveBack;
    }

    /** A frame nobody gives back (the GC takes it): for records not read off a pooled buffer. */
    static SharedFrame unpooled() {
        return new SharedFrame(null, buffer -> { });
    }

    /** One more reader. */
    void retain() {
        if (references <= 0) {
            throw new IllegalStateException("Fetch response frame retained after it was given back");
        }
        references++;
    }

    /** One reader less; the last one gives the frame back. */
    void release() {
        if (references <= 0) {
            throw new IllegalStateException("Fetch response frame released more often than retained");
        }
        if (--references == 0 && frame != null) {
            giveBack.accept(frame);
        }
    }

    /** True once the frame is given back (or would have been, for an unpooled one). */
    boolean isReleased() {
        return references == 0;
    }
}
