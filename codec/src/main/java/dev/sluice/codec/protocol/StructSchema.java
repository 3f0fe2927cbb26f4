package dev.sluice.codec.protocol;

import dev.sluice.codec.MalformedDataException;
import dev.sluice.codec.Varints;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The layout of one struct (a message body, or an element of a struct array): its fields in wire order.
 * One generic interpreter reads, writes and sizes every struct from this description, for any version.
 *
 * <p>Wire rules (Kafka protocol guide and KIP-482): regular fields present in the version go in schema order;
 * in flexible versions every struct then ends with a tagged-field section, {@code UNSIGNED_VARINT count} and
 * per field {@code tag, size, value}, tags strictly ascending. A tagged field is written only when it differs
 * from its default. On read, unknown tags are skipped by their size, and a known tag's value must fit in its
 * declared size.
 *
 * <p>Immutable after construction and safe to share between threads.
 */
public final class StructSchema {
    private static final int MIN_SIZE_CACHED_VERSIONS = 32;
    private final String name;
    private final Field<?>[] fields;
    private final Field<?>[] taggedByTag;
    private final String taggedSectionName;
    /**
     * {@link #minSize} per version and flexibility, plus one so that 0 means "not computed yet". Filled lazily;
     * racing threads compute and store the same value, so no synchronization is needed.
     */
    private final int[] minSizeCache = new int[2 * MIN_SIZE_CACHED_VERSIONS];

    /**
     * @param name   full name used in error messages, e.g. {@code ProduceRequest.TopicData}
     * @param fields the fields in wire order; each is bound to this schema and frozen
     */
    public StructSchema(final String name, final Field<?>... fields) {
        this.name = name;
        this.taggedSectionName = name + ".<tagged fields>";
        this.fields = fields.clone();
        final Set<String> names = new HashSet<>();
        final Set<Integer> tags = new HashSet<>();
        final List<Field<?>> tagged = new ArrayList<>();
        for (int i = 0; i < this.fields.length; i++) {
            final Field<?> field = this.fields[i];
            if (!names.add(field.name())) {
                throw new IllegalArgumentException(name + ": duplicate field " + field.name());
            }
            if (field.tag() >= 0) {
                if (!tags.add(field.tag())) {
                    throw new IllegalArgumentException(name + ": duplicate tag " + field.tag());
                }
                tagged.add(field);
            }
            field.bind(this, i);
        }
        if (tagged.size() > Long.SIZE) {
            throw new IllegalArgumentException(name + ": more than " + Long.SIZE + " tagged fields");
        }
        tagged.sort(Comparator.comparingInt(Field::tag));
        this.taggedByTag = tagged.toArray(new Field<?>[0]);
    }

    public String name() {
        return name;
    }

    /** The fields in wire order. */
    public List<Field<?>> fields() {
        return List.of(fields);
    }

    /** A struct of this schema with every field at its default. */
    public Struct newStruct() {
        final Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = fields[i].newDefault();
        }
        return new Struct(this, values);
    }

    int fieldCount() {
        return fields.length;
    }

    // ------------------------------------------------------------------------------------------ read

    Struct read(final ByteBuffer buffer, final short version, final boolean flexible) {
        final Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            final Field<?> field = fields[i];
            if (!field.isPresentIn(version) || field.isTaggedIn(version)) {
                values[i] = field.newDefault();
            } else {
                values[i] = field.type().read(buffer, version, flexible && !field.isNeverFlexible(),
                    field.isNullableIn(version), field.path());
            }
        }
        if (flexible) {
            readTaggedFields(buffer, version, values);
        }
        return new Struct(this, values);
    }

    private void readTaggedFields(final ByteBuffer buffer, final short version, final Object[] values) {
        final String sectionName = taggedSectionName;
        final int count = Varints.readUnsignedVarint(buffer, sectionName);
        // Each entry takes at least two bytes (tag and size), so a count beyond that is corrupt.
        if (count < 0 || (long) count * 2 > buffer.remaining()) {
            throw new MalformedDataException(sectionName, "count " + Integer.toUnsignedString(count)
                + " cannot fit in the " + buffer.remaining() + " bytes remaining");
        }
        long previousTag = -1;
        for (int i = 0; i < count; i++) {
            final long tag = Integer.toUnsignedLong(Varints.readUnsignedVarint(buffer, sectionName));
            if (tag <= previousTag) {
                throw new MalformedDataException(sectionName, "tag " + tag + " follows tag " + previousTag
                    + "; tags must be strictly ascending");
            }
            previousTag = tag;
            final int size = Varints.readUnsignedVarint(buffer, sectionName);
            if (size < 0 || size > buffer.remaining()) {
                throw new MalformedDataException(sectionName, "tag " + tag + " claims "
                    + Integer.toUnsignedString(size) + " bytes but only " + buffer.remaining() + " remain");
            }
            final int start = buffer.position();
            final Field<?> field = taggedField(tag, version);
            if (field != null) {
                // Bound the read by the declared size so a lying size cannot pull in the bytes that follow.
                final ByteBuffer value = buffer.slice(start, size);
                values[field.index()] = field.type().read(value, version, true, field.isNullableIn(version),
                    field.path());
            }
            buffer.position(start + size);
        }
    }

    private Field<?> taggedField(final long tag, final short version) {
        for (final Field<?> field : taggedByTag) {
            if (field.tag() == tag) {
                return field.isTaggedIn(version) ? field : null;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ size

    long sizeOf(final Struct struct, final short version, final boolean flexible, final Sizer sizer) {
        long size = 0;
        for (final Field<?> field : fields) {
            if (field.isPresentIn(version) && !field.isTaggedIn(version)) {
                size += sizeOfValue(field, struct.valueAt(field.index()), version, flexible, sizer);
            }
        }
        if (flexible) {
            int count = 0;
            for (final Field<?> field : taggedByTag) {
                final Object value = struct.valueAt(field.index());
                if (field.isTaggedIn(version) && !field.isDefault(value)) {
                    count++;
                    final int valueSize = taggedValueSize(field, value, version, sizer);
                    size += Varints.sizeOfUnsignedVarint(field.tag()) + Varints.sizeOfUnsignedVarint(valueSize)
                        + valueSize;
                }
            }
            size += Varints.sizeOfUnsignedVarint(count);
        }
        return size;
    }

    private static int taggedValueSize(final Field<?> field, final Object value, final short version,
                                       final Sizer sizer) {
        final long size = sizeOfValue(field, value, version, true, sizer);
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field.path() + ": tagged value of " + size + " bytes is too large");
        }
        return (int) size;
    }

    @SuppressWarnings("unchecked")
    private static <T> long sizeOfValue(final Field<T> field, final Object value, final short version,
                                       final boolean flexible, final Sizer sizer) {
        checkNull(field, value, version);
        return field.type().sizeOf((T) value, version, flexible && !field.isNeverFlexible(), sizer);
    }

    private static void checkNull(final Field<?> field, final Object value, final short version) {
        if (value == null && !field.isNullableIn(version)) {
            throw new IllegalArgumentException(field.path() + ": null is not allowed in version " + version);
        }
    }

    /** Fewest bytes a struct of this schema takes in this version. */
    int minSize(final short version, final boolean flexible) {
        final int slot = 2 * version + (flexible ? 1 : 0);
        if (version >= 0 && version < MIN_SIZE_CACHED_VERSIONS) {
            final int cached = minSizeCache[slot];
            if (cached != 0) {
                return cached - 1;
            }
            final int computed = computeMinSize(version, flexible);
            minSizeCache[slot] = computed + 1;
            return computed;
        }
        return computeMinSize(version, flexible);
    }

    private int computeMinSize(final short version, final boolean flexible) {
        int size = flexible ? 1 : 0;
        for (final Field<?> field : fields) {
            if (field.isPresentIn(version) && !field.isTaggedIn(version)) {
                size += field.type().minSize(version, flexible && !field.isNeverFlexible());
            }
        }
        return size;
    }

    // ------------------------------------------------------------------------------------------ write

    void write(final Struct struct, final Encoder encoder, final short version, final boolean flexible) {
        for (final Field<?> field : fields) {
            if (!field.isPresentIn(version)) {
                checkDroppable(field, struct.valueAt(field.index()), version);
            } else if (!field.isTaggedIn(version)) {
                writeValue(field, struct.valueAt(field.index()), encoder, version, flexible);
            }
        }
        if (flexible) {
            // One default check per tagged field: remember which ones go on the wire (at most 64 tags a struct).
            long written = 0;
            int count = 0;
            for (int i = 0; i < taggedByTag.length; i++) {
                final Field<?> field = taggedByTag[i];
                if (field.isTaggedIn(version) && !field.isDefault(struct.valueAt(field.index()))) {
                    written |= 1L << i;
                    count++;
                }
            }
            final ByteBuffer buffer = encoder.buffer();
            Varints.writeUnsignedVarint(count, buffer);
            for (int i = 0; i < taggedByTag.length; i++) {
                final Field<?> field = taggedByTag[i];
                final Object value = struct.valueAt(field.index());
                if ((written & (1L << i)) != 0) {
                    Varints.writeUnsignedVarint(field.tag(), buffer);
                    Varints.writeUnsignedVarint(taggedValueSize(field, value, version, new Sizer()), buffer);
                    writeValue(field, value, encoder, version, true);
                }
            }
        }
    }

    private static void checkDroppable(final Field<?> field, final Object value, final short version) {
        if (!field.isIgnorable() && !field.isDefault(value)) {
            throw new IllegalArgumentException(field.path() + ": holds a non-default value but does not exist in"
                + " version " + version + ", and dropping it is not allowed");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void writeValue(final Field<T> field, final Object value, final Encoder encoder,
                                       final short version, final boolean flexible) {
        checkNull(field, value, version);
        field.type().write((T) value, encoder, version, flexible && !field.isNeverFlexible(),
            field.isNullableIn(version), field.path());
    }

    @Override
    public String toString() {
        return name + Arrays.toString(fields);
    }
}
