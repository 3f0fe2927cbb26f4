package dev.sluice.broker.group;

import java.util.Arrays;
import java.util.Objects;

/**
 * One protocol a member offers in JoinGroup (for consumers: an assignor name such as
 * {@code "range"}) with its opaque metadata. The coordinator never parses the metadata; it hands it
 * to the leader unchanged so that any client-side assignor works.
 *
 * @param metadata owned by this record after construction; callers must not modify it
 */
public record GroupProtocol(String name, byte[] metadata) {

    public GroupProtocol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** Same name and the same metadata bytes. */
    public boolean sameAs(final GroupProtocol other) {
        return name.equals(other.name) && Arrays.equals(metadata, other.metadata);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof GroupProtocol other && sameAs(other);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(metadata);
    }

    @Override
    public String toString() {
        return "GroupProtocol[" + name + ", " + metadata.length + " bytes]";
    }
}
