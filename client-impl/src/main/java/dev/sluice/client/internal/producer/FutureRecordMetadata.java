package dev.sluice.client.internal.producer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.producer.Callback;
import dev.sluice.client.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future {@code send} returns and the user's callback, completed together: the callback runs
 * first (on the sender thread), then waiters on the future wake up. Cancellation is not
 * supported, as in kafka-clients: a record handed to the producer cannot be taken back.
 *
 * <p>Completion is one volatile write plus, only when a thread is blocked in {@code get}, a
 * {@code notifyAll}: most futures are never waited on, and a latch per record (two objects and a
 * queue release on the sender thread for every record) showed up in profiles of the send path.
 * The two volatile flags make the hand-off safe: the completer writes {@code done} then reads
 * {@code waiting}; a waiter writes {@code waiting} then reads {@code done} under the monitor, so
 * one of them sees the other.
 */
public final class FutureRecordMetadata implements Future<RecordMetadata>, RecordCompletion {
    private static final Logger LOG = LoggerFactory.getLogger(FutureRecordMetadata.class);

    private final TopicPartition partition;
    private final int keySize;
    private final int valueSize;
    private final Callback callback;
    private RecordMetadata metadata;
    private Exception error;
    /** Set last by {@link #complete}: publishes {@code metadata} and {@code error}. */
    private volatile boolean done;
    /** Set by a thread about to block in {@code get}. */
    private volatile boolean waiting;

    /**
     * @param keySize   serialized key bytes, -1 for a null key
     * @param valueSize serialized value bytes, -1 for a null value
     * @param callback  the user's callback, or null
     */
    public FutureRecordMetadata(final TopicPartition partition, final int keySize, final int valueSize,
                                final Callback callback) {
        this.partition = partition;
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.callback = callback;
    }

    @Override
    public void complete(final long offset, final long timestampMs, final RuntimeException failure) {
        final RecordMetadata result = new RecordMetadata(partition, failure == null ? offset : RecordMetadata.UNKNOWN_OFFSET,
            timestampMs, keySize, valueSize);
        this.metadata = result;
        this.error = failure;
        try {
            if (callback != null) {
                callback.onCompletion(result, failure);
            }
        } catch (final RuntimeException e) {
            LOG.error("Error in the callback of a record sent to {}", partition, e);
        } finally {
            done = true;
            if (waiting) {
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    @Override
    public boolean cancel(final boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public RecordMetadata get() throws InterruptedException, ExecutionException {
        if (!done) {
            synchronized (this) {
                waiting = true;
                while (!done) {
                    wait();
                }
            }
        }
        return result();
    }

    @Override
    public RecordMetadata get(final long timeout, final TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
        if (!done) {
            final long deadlineNs = System.nanoTime() + unit.toNanos(timeout);
            synchronized (this) {
                waiting = true;
                while (!done) {
                    final long remainingNs = deadlineNs - System.nanoTime();
                    if (remainingNs <= 0) {
                        throw new TimeoutException("Record for " + partition + " not completed within "
                            + unit.toMillis(timeout) + " ms");
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, remainingNs);
                }
            }
        }
        return result();
    }

    private RecordMetadata result() throws ExecutionException {
        if (error != null) {
            throw new ExecutionException(error);
        }
        return metadata;
    }

    /** A future that is already failed, for records rejected before they were queued. */
    public static FutureRecordMetadata failed(final TopicPartition partition, final Callback callback,
                                              final RuntimeException failure) {
        final FutureRecordMetadata f = new FutureRecordMetadata(partition, -1, -1, callback);
        f.complete(RecordMetadata.UNKNOWN_OFFSET, RecordMetadata.NO_TIMESTAMP, failure);
        return f;
    }
}
