package dev.sluice.client;

/**
 * The ordered headers of one record. Mutable until the producer takes the record for sending (or,
 * on the consumer side, never mutable once handed to the user's code if the implementation says so);
 * after that every mutator throws {@link IllegalStateException}. Not thread safe.
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

    /** The headers in the order added, as a new array. */
    Header[] toArray();

    /** Number of headers. */
    int size();
}
