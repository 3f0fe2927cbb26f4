package dev.sluice.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The standard {@link Headers}: an array list that is not allocated until the first header is added,
 * because most records carry none. {@link #setReadOnly()} freezes it; the producer calls that when it
 * takes a record, so later edits by the caller cannot change what is sent. Not thread safe.
 */
public final class RecordHeaders implements Headers {
    /** Zero-length arrays cannot be changed, so one serves every header-less record. */
    private static final Header[] NO_HEADERS = new Header[0];

    private List<Header> headers;
    private boolean readOnly;

    /** Empty and mutable. */
    public RecordHeaders() {
    }

    /** Starts with these headers, in order (the array itself is not kept). */
    public RecordHeaders(final Header[] initial) {
        if (initial != null && initial.length > 0) {
            headers = new ArrayList<>(Arrays.asList(initial));
            headers.forEach(h -> Objects.requireNonNull(h, "header"));
        }
    }

    /** Starts with these headers, in order. */
    public RecordHeaders(final Iterable<Header> initial) {
        if (initial != null) {
            for (final Header header : initial) {
                list().add(Objects.requireNonNull(header, "header"));
            }
        }
    }

    private List<Header> list() {
        if (headers == null) {
            headers = new ArrayList<>(4);
        }
        return headers;
    }

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("Headers are read-only: the record was already handed to the client");
        }
    }

    /** Forbids further changes. Idempotent. */
    public void setReadOnly() {
        readOnly = true;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public Headers add(final Header header) {
        Objects.requireNonNull(header, "header");
        checkWritable();
        list().add(header);
        return this;
    }

    @Override
    public Headers add(final String key, final byte[] value) {
        return add(new RecordHeader(key, value));
    }

    @Override
    public Headers remove(final String key) {
        Objects.requireNonNull(key, "header key");
        checkWritable();
        if (headers != null) {
            headers.removeIf(h -> h.key().equals(key));
        }
        return this;
    }

    @Override
    public Header lastHeader(final String key) {
        if (headers == null) {
            return null;
        }
        for (int i = headers.size() - 1; i >= 0; i--) {
            final Header h = headers.get(i);
            if (h.key().equals(key)) {
                return h;
            }
        }
        return null;
    }

    @Override
    public Iterable<Header> headers(final String key) {
        Objects.requireNonNull(key, "header key");
        return () -> new MatchingIterator(iterator(), key);
    }

    @Override
    public Header[] toArray() {
        return headers == null || headers.isEmpty() ? NO_HEADERS : headers.toArray(NO_HEADERS);
    }

    @Override
    public int size() {
        return headers == null ? 0 : headers.size();
    }

    /** Iterates in insertion order; {@link Iterator#remove()} is refused once read-only. */
    @Override
    public Iterator<Header> iterator() {
        if (headers == null) {
            return Collections.emptyIterator();
        }
        final Iterator<Header> inner = headers.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public Header next() {
                return inner.next();
            }

            @Override
            public void remove() {
                checkWritable();
                inner.remove();
            }
        };
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RecordHeaders)) {
            return false;
        }
        return Arrays.equals(toArray(), ((RecordHeaders) o).toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toArray());
    }

    @Override
    public String toString() {
        return "RecordHeaders(headers = " + (headers == null ? "[]" : headers) + ", readOnly = " + readOnly + ")";
    }

    private static final class MatchingIterator implements Iterator<Header> {
        private final Iterator<Header> inner;
        private final String key;
        private Header next;

        MatchingIterator(final Iterator<Header> inner, final String key) {
            this.inner = inner;
            this.key = key;
        }

        @Override
        public boolean hasNext() {
            while (next == null && inner.hasNext()) {
                final Header candidate = inner.next();
                if (candidate.key().equals(key)) {
                    next = candidate;
                }
            }
            return next != null;
        }

        @Override
        public Header next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            final Header result = next;
            next = null;
            return result;
        }
    }
}
