package dev.sluice.client.internal.metadata;

import dev.sluice.client.internal.util.Time;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's current view of the cluster and when to refresh it.
 *
 * <p>The network thread applies responses with {@link #update}; application threads read
 * {@link #cluster()} and, when a topic is new, wait in {@link #awaitUpdate} for the next version.
 * A refresh is due when {@code metadata.max.age.ms} has passed since the last one, or as soon as
 * allowed (after {@code retry.backoff.ms}) once {@link #requestUpdate()} was called: on a
 * not-leader error, an unknown partition, or a lost connection. Thread-safe: one monitor for
 * updates and waits; {@link #cluster()} and a known topic's {@link #addTopic} take no lock, since
 * every {@code send} calls both.
 */
public final class Metadata {
    private final long refreshBackoffMs;
    private final long maxAgeMs;
    private final long topicExpiryMs;
    private final Time time;
    /** Topic to expiry time (epoch ms); written under the monitor, read without it. */
    private final Map<String, Long> topics = new ConcurrentHashMap<>();
    private volatile ClusterView cluster = ClusterView.empty();
    private int version;
    private boolean updateRequested = true;
    private long lastRefreshMs;
    private long lastAttemptMs;
    private boolean closed;

    /**
     * @param refreshBackoffMs minimum gap between refresh attempts ({@code retry.backoff.ms})
     * @param maxAgeMs         {@code metadata.max.age.ms}
     * @param topicExpiryMs    a topic not used for this long is dropped from requests ({@code metadata.max.idle.ms})
     */
    public Metadata(final long refreshBackoffMs, final long maxAgeMs, final long topicExpiryMs, final Time time) {
        this.refreshBackoffMs = refreshBackoffMs;
        this.maxAgeMs = maxAgeMs;
        this.topicExpiryMs = topicExpiryMs;
        this.time = time;
    }

    public ClusterView cluster() {
        return cluster;
    }

    public synchronized int version() {
        return version;
    }

    /**
     * Adds {@code topic} to those fetched, or keeps it from expiring; asks for a refresh if it is
     * new. A topic whose expiry is more than half of {@code metadata.max.idle.ms} away is left as
     * it is, without locking: the common case of a send to a known topic.
     */
    public void addTopic(final String topic) {
        final long nowMs = time.milliseconds();
        final Long expiry = topics.get(topic);
        if (expiry != null && expiry - nowMs > topicExpiryMs / 2) {
            return;
        }
        synchronized (this) {
            if (topics.put(topic, nowMs + topicExpiryMs) == null) {
                updateRequested = true;
            }
        }
    }

    public synchronized Set<String> topics() {
        return new HashSet<>(topics.keySet());
    }

    /** Asks for a refresh at the next allowed moment. */
    public synchronized void requestUpdate() {
        updateRequested = true;
    }

    public synchronized boolean updateRequested() {
        return updateRequested;
    }

    /** Milliseconds until a refresh should start; 0 means now. */
    public synchronized long timeToNextUpdate(final long nowMs) {
        final long dueByAge = updateRequested ? 0 : Math.max(0, lastRefreshMs + maxAgeMs - nowMs);
        final long backoff = Math.max(0, lastAttemptMs + refreshBackoffMs - nowMs);
        return Math.max(dueByAge, backoff);
    }

    /** Records that a refresh request was sent at {@code nowMs}. */
    public synchronized void attempted(final long nowMs) {
        lastAttemptMs = nowMs;
    }

    /** Records a failed refresh (no response); a new one is allowed after the backoff. */
    public synchronized void failedUpdate(final long nowMs) {
        lastAttemptMs = nowMs;
        updateRequested = true;
    }

    /** Applies a new snapshot and wakes threads waiting for it. */
    public synchronized void update(final ClusterView newCluster, final long nowMs) {
        cluster = newCluster;
        version++;
        lastRefreshMs = nowMs;
        lastAttemptMs = nowMs;
        updateRequested = false;
        topics.entrySet().removeIf(e -> e.getValue() < nowMs);
        notifyAll();
    }

    /**
     * Blocks until the version passes {@code lastSeenVersion} or {@code maxWaitMs} ends.
     *
     * @return true if a newer version arrived
     */
    public synchronized boolean awaitUpdate(final int lastSeenVersion, final long maxWaitMs) throws InterruptedException {
        final long deadline = System.currentTimeMillis() + maxWaitMs;
        while (version <= lastSeenVersion && !closed) {
            final long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0) {
                return false;
            }
            wait(remaining);
        }
        return version > lastSeenVersion;
    }

    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    public synchronized boolean isClosed() {
        return closed;
    }
}
