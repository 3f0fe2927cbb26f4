package dev.sluice.codec.record;

/** Which clock a batch's timestamps come from: attribute bit 3 of a v2 batch. */
public enum TimestampType {
    /** The producer's timestamp, kept per record. */
    CREATE_TIME,
    /** The broker's append time, stored once in maxTimestamp and applied to every record. */
    LOG_APPEND_TIME
}
