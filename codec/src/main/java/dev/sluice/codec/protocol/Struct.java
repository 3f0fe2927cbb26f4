package dev.sluice.codec.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The values of one struct (a message body or an array element), accessed through the typed
 * {@link Field} handles of its {@link StructSchema}.
 *
 * <p>A struct holds a value for every field of its schema, whatever the version: fields absent in the
 * version it was read at hold their defaults. Fields absent in the version it is written at are left off the
 * wire; if such a field holds a non-default value and is not {@linkplain Field#ignorable() ignorable}, writing
 * throws, as kafka-clients does, rather than silently losing it. Values are stored as given (lists are not copied). Not thread-safe: one thread builds or reads a
 * struct at a time. Equality is by schema and deep value equality, which tests rely on.
 */
public final class Struct {
    private final StructSchema schema;
    private final Object[] values;

    Struct(final StructSchema schema, final Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    public StructSchema schema() {
        return schema;
    }

    /** The value of {@code field}, which must belong to this struct's schema. */
    @SuppressWarnings("unchecked")
    public <T> T get(final Field<T> field) {
        return (T) values[indexOf(field)];
    }

    /** Sets {@code field} and returns this struct, for chaining. */
    public <T> Struct set(final Field<T> field, final T value) {
        values[indexOf(field)] = value;
        return this;
    }

    /**
     * Appends a new element, with every field at its default, to the struct array {@code field} and returns
     * it for filling in. A null array is replaced by a new list first.
     */
    public Struct add(final Field<List<Struct>> field) {
        final StructSchema element = FieldType.elementSchema(field.type());
        if (element == null) {
            throw new IllegalArgumentException(field.path() + " is not an array of structs");
        }
        List<Struct> list = get(field);
        if (list == null) {
            list = new ArrayList<>();
            set(field, list);
        }
        final Struct struct = element.newStruct();
        list.add(struct);
        return struct;
    }

    /**
     * The bytes of a RECORDS field as a buffer view (a slice of the frame for a struct that was read), or null.
     *
     * @throws IllegalStateException when the value is a payload that is not in the heap
     */
    public ByteBuffer recordsBuffer(final Field<RecordsPayload> field) {
        final RecordsPayload payload = get(field);
        if (payload == null) {
            return null;
        }
        if (payload instanceof ByteBufferRecords heap) {
            return heap.buffer();
        }
        throw new IllegalStateException(field.path() + " holds " + payload + ", which is not a ByteBuffer");
    }

    Object valueAt(final int index) {
        return values[index];
    }

    private int indexOf(final Field<?> field) {
        if (field.owner() != schema) {
            throw new IllegalArgumentException(field.path() + " is not a field of " + schema.name());
        }
        return field.index();
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Struct that) || that.schema != schema) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Objects.deepEquals(values[i], that.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * schema.hashCode() + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        final StringBuilder out = new StringBuilder(schema.name()).append('{');
        final List<Field<?>> fields = schema.fields();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(fields.get(i).name()).append('=');
            final Object value = values[i];
            out.append(value instanceof byte[] bytes ? "bytes[" + bytes.length + "]" : String.valueOf(value));
        }
        return out.append('}').toString();
    }
}
