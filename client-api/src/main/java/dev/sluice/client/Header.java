package dev.sluice.client;

/**
 * One record header: a non-null string key and a byte value that may be {@code null}. Keys may repeat
 * within a record. Implementations do not copy the value array; callers must not change it afterwards.
 */
public interface Header {
    String key();

    /** The value bytes, or {@code null}. Not a copy. */
    byte[] value();
}
