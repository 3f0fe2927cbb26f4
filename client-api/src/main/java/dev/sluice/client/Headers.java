package dev.sluice.client;

/**
 * The ordered headers of one record. On the producer side they are mutable until {@code send} takes
 * the record; after that every mutator throws {@link IllegalStateException}, so what was sent cannot
 * change behind the client's back. Headers of fetched records are the consumer's to change. Not thread safe.
 */
public interface Headers extends Iterable<Header> {
    /** Appends a header. @return this, for chaining */
    Headers add(Header header);

    /** Appends a header made of a key and value. @return this */
    Headers add(String key, byte[] value);

    /** Removes every header with this key. @return this */
    Headers remove(String key);

    /** The header with this key added last, or {@code null} if none. */
    Header lastHeader(String key);

    /** Every header with this key, in the order added. */
    Iterable<Header> headers(String key);

    /** The headers in the order added, as an array the caller may keep (a shared empty array when there are none). */
    Header[] toArray();

    /** Number of headers. */
    int size();
}
