package dev.sluice.codec.protocol;

import java.util.Objects;

/**
 * A typed handle on one field of one {@link StructSchema}: its name, wire type, the versions it exists in,
 * the versions it may be null in, and, for tagged fields (KIP-482), its tag and tagged versions.
 *
 * <p>Callers read and write values through it, {@code request.get(ProduceRequestSchema.ACKS)}, so the
 * compiler checks the value's Java type. A field is configured with the fluent methods below and then
 * handed to exactly one {@link StructSchema}, which freezes it; configuring it afterwards throws.
 * Frozen fields are immutable and safe to share between threads.
 *
 * <p>Version bounds are inclusive; {@link #NO_MAX} stands for "and every later version".
 *
 * @param <T> Java type of the values, see {@link FieldType}
 */
public final class Field<T> {
    /** Upper bound meaning "no upper bound" ({@code "3+"} in the schema language). */
    public static final short NO_MAX = Short.MAX_VALUE;

    private final String name;
    private final FieldType<T> type;
    private short minVersion;
    private short maxVersion = NO_MAX;
    private short nullableMin = 1;
    private short nullableMax;
    private int tag = -1;
    private short taggedMin = 1;
    private short taggedMax;
    private boolean neverFlexible;
    private boolean ignorable;
    private boolean hasDefault;
    private T defaultValue;

    private StructSchema owner;
    private int index;
    private String path;

    private Field(final String name, final FieldType<T> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.path = name;
    }

    /** A field present in every version, not nullable, not tagged, with the type's default. */
    public static <T> Field<T> of(final String name, final FieldType<T> type) {
        return new Field<>(name, type);
    }

    /** The versions the field exists in, inclusive. */
    public Field<T> versions(final int min, final int max) {
        checkNotFrozen();
        minVersion = (short) min;
        maxVersion = (short) max;
        return this;
    }

    /** The versions in which the value may be null. */
    public Field<T> nullableVersions(final int min, final int max) {
        checkNotFrozen();
        if (!type.canBeNull()) {
            throw new IllegalArgumentException(name + ": a " + type + " cannot be nullable");
        }
        nullableMin = (short) min;
        nullableMax = (short) max;
        return this;
    }

    /** Makes the field a tagged field with this tag in these versions (only flexible ones carry tags). */
    public Field<T> tagged(final int tagNumber, final int min, final int max) {
        checkNotFrozen();
        if (tagNumber < 0) {
            throw new IllegalArgumentException(name + ": negative tag " + tagNumber);
        }
        tag = tagNumber;
        taggedMin = (short) min;
        taggedMax = (short) max;
        return this;
    }

    /** The value an absent or unset field has. Immutable values only (numbers, strings, null). */
    public Field<T> withDefault(final T value) {
        checkNotFrozen();
        hasDefault = true;
        defaultValue = value;
        return this;
    }

    /**
     * Keeps the classic (non-compact) encoding even in flexible versions, as RequestHeader.ClientId does so
     * that a broker can read a client id before it knows whether the API version is flexible.
     */
    public Field<T> neverFlexible() {
        checkNotFrozen();
        neverFlexible = true;
        return this;
    }

    /**
     * Lets a non-default value be dropped silently when writing a version the field does not exist in. Without
     * this, doing so is refused: the peer would never see a value the caller meant to send.
     */
    public Field<T> ignorable() {
        checkNotFrozen();
        ignorable = true;
        return this;
    }

    private void checkNotFrozen() {
        if (owner != null) {
            throw new IllegalStateException(path + " already belongs to " + owner.name());
        }
    }

    void bind(final StructSchema schema, final int position) {
        checkNotFrozen();
        owner = schema;
        index = position;
        path = schema.name() + "." + name;
    }

    /** The field's name as the schema spells it, e.g. {@code Name}. */
    public String name() {
        return name;
    }

    /** The field's full name for error messages, e.g. {@code ProduceRequest.TopicData.Name}. */
    public String path() {
        return path;
    }

    public FieldType<T> type() {
        return type;
    }

    /** The schema this field belongs to, null before it is bound. */
    public StructSchema owner() {
        return owner;
    }

    int index() {
        return index;
    }

    public boolean isPresentIn(final short version) {
        return version >= minVersion && version <= maxVersion;
    }

    public boolean isNullableIn(final short version) {
        return version >= nullableMin && version <= nullableMax;
    }

    /** Whether the field goes in the tagged-field section in this version. */
    public boolean isTaggedIn(final short version) {
        return tag >= 0 && version >= taggedMin && version <= taggedMax && isPresentIn(version);
    }

    /** The tag number, or -1 for a regular field. */
    public int tag() {
        return tag;
    }

    public boolean isIgnorable() {
        return ignorable;
    }

    boolean isNeverFlexible() {
        return neverFlexible;
    }

    /** A fresh default value: the declared default, else the type's zero / empty value. */
    public T newDefault() {
        return hasDefault ? defaultValue : type.newDefault();
    }

    /** Whether {@code value} equals the default, in which case a tagged field is left off the wire. */
    boolean isDefault(final Object value) {
        return hasDefault ? Objects.equals(value, defaultValue) : type.isZero(value);
    }

    @Override
    public String toString() {
        return path + ":" + type;
    }
}
