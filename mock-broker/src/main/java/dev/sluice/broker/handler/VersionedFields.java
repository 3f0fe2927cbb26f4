package dev.sluice.broker.handler;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.Struct;

/**
 * Sets a response field only in the versions that carry it. The codec refuses to drop a
 * non-default value silently, and the group handlers build one response shape for every version,
 * so fields that come and go with the version (a static member's instance id for a v4 leader, the
 * protocol type before JoinGroup v7) go through here.
 */
final class VersionedFields {

    private VersionedFields() {
    }

    static <T> Struct setIfPresent(final Struct struct, final Field<T> field, final T value, final short version) {
        if (field.isPresentIn(version)) {
            struct.set(field, value);
        }
        return struct;
    }
}
