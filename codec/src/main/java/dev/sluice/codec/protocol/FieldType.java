package dev.sluice.codec.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The wire type of a {@link Field}, with the Java type {@code T} its values have. One instance per type
 * knows both encodings (classic and compact) and both nullabilities; the caller says which applies for the
 * version at hand. The set of types is closed: only this package creates them.
 *
 * <p>Java value types: BOOLEAN {@link Boolean}, INT8 {@link Byte}, INT16 {@link Short}, UINT16 and INT32
 * {@link Integer}, UINT32 and INT64 {@link Long}, FLOAT64 {@link Double}, UUID {@link UUID} (all-zero means
 * "no id"), STRING {@link String}, BYTES {@code byte[]}, RECORDS {@link RecordsPayload} (read as a
 * {@link ByteBufferRecords} slice of the frame), arrays {@link List}, structs {@link Struct}.
 *
 * @param <T> Java type of the values
 */
public abstract class FieldType<T> {
    public static final FieldType<Boolean> BOOLEAN = new Fixed<>("bool", 1, false) {
        @Override
        Boolean read(final ByteBuffer b, final short v, final boolean f, final boolean n, final String p) {
            return WirePrimitives.readBoolean(b, p);
        }

        @Override
        void write(final Boolean value, final Encoder e, final short v, final boolean f, final boolean n, final String p) {
            e.buffer().put((byte) (value ? 1 : 0));
        }
    };
    public static final FieldType<Byte> INT8 = new Fixed<>("int8", 1, (byte) 0) {
        @Override
        Byte read(final ByteBuffer b, final short v, final boolean f, final boolean n, final String p) {
            return WirePrimitives.readInt8(b, p);
        }

        @Override
        void write(final Byte value, final Encoder e, final short v, final boolean f, final boolean n, final String p) {
            e.buffer().put(value);
        }
    };
    public static final FieldType<Short> INT16 = new Fixed<>("int16", 2, (short) 0) {
        @Override
        Short read(final ByteBuffer b, final short v, final boolean f, final boolean n, final String p) {
            return WirePrimitives.readInt16(b, p);
        }

        @Override
        void write(final Short value, final Encoder e, final short v, final boolean f, final boolean n, final String p) {
            e.buffer().putShort(value);
        }
    };
    public static final FieldType<Integer> UINT16 = new Fixed<>("uint16", 2, 0) {
        @Override
        Integer read(final ByteBuffer b, final short v, final boolean f, final boolean n, final String p) {
            return WirePrimitives.readUint16(b, p);
        }

        @Override
        void write(final Integer value, final Encoder e, final short v, final boolean f, final boolean n, final String p) {
            WirePrimitives.writeUint16(value, e.buffer(), p);
        }
    };
    public static final FieldType<Integer> INT32 = new Fixed<>("int32", 4, 0) {
        @Override
        Integer read(final ByteBuffer b, final short v, final boolean f, final boolean n, final String p) {
            return WirePrimitives.readInt32(b, p);
        }

        @Override
        void write(final Integer value, final Encoder e, final short v, final boolean f, final boolean n, final String p) {
            e.buffer().putInt(value);
        }
    };
    public static final FieldType<Long> UINT32 = new Fixed<>("uint32", 4, 0L) {
        @Override
        Long read(final ByteBuffer b, final short v, final boolean f, final boolean n, final String p) {
            return WirePrimitives.readUint32(b, p);
        }

        @Override
        void write(final Long value, final Encoder e, final short v, final boolean f, final boolean n, final String p) {
            WirePrimitives.writeUint32(value, e.buffer(), p);
        }
    };
    public static final FieldType<Long> INT64 = new Fixed<>("int64", 8, 0L) {
        @Override
        Long read(final ByteBuffer b, final short v, final boolean f, final boolean n, final String p) {
            return WirePrimitives.readInt64(b, p);
        }

        @Override
        void write(final Long value, final Encoder e, final short v, final boolean f, final boolean n, final String p) {
            e.buffer().putLong(value);
        }
    };
    public static final FieldType<Double> FLOAT64 = new Fixed<>("float64", 8, 0.0) {
        @Override
        Double read(final ByteBuffer b, final short v, final boolean f, final boolean n, final String p) {
            return WirePrimitives.readFloat64(b, p);
        }

        @Override
        void write(final Double value, final Encoder e, final short v, final boolean f, final boolean n, final String p) {
            e.buffer().putDouble(value);
        }
    };
    /** The all-zero UUID, Kafka's "no topic id". */
    public static final UUID ZERO_UUID = new UUID(0L, 0L);
    public static final FieldType<UUID> UUID_TYPE = new Fixed<>("uuid", WirePrimitives.UUID_BYTES, ZERO_UUID) {
        @Override
        UUID read(final ByteBuffer b, final short v, final boolean f, final boolean n, final String p) {
            return WirePrimitives.readUuid(b, p);
        }

        @Override
        void write(final UUID value, final Encoder e, final short v, final boolean f, final boolean n, final String p) {
            WirePrimitives.writeUuid(value, e.buffer());
        }
    };
    public static final FieldType<String> STRING = new StringType();
    public static final FieldType<byte[]> BYTES = new BytesType();
    public static final FieldType<RecordsPayload> RECORDS = new RecordsType();

    private final String name;

    private FieldType(final String name) {
        this.name = name;
    }

    /** An array of {@code element}; a struct array is {@code arrayOf(structOf(schema))}. */
    public static <E> FieldType<List<E>> arrayOf(final FieldType<E> element) {
        return new ArrayType<>(element);
    }

    /** A nested struct (an array element, or a struct-typed field such as a tagged CurrentLeader). */
    public static FieldType<Struct> structOf(final StructSchema schema) {
        return new StructType(schema);
    }

    /** Shorthand for {@code arrayOf(structOf(schema))}. */
    public static FieldType<List<Struct>> structArray(final StructSchema schema) {
        return arrayOf(structOf(schema));
    }

    /** The schema type's name, e.g. {@code int32} or {@code []string}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    abstract T read(ByteBuffer buffer, short version, boolean flexible, boolean nullable, String path);

    /** Writes a value the caller has already checked for null against the field's nullability. */
    abstract void write(T value, Encoder encoder, short version, boolean flexible, boolean nullable, String path);

    /** Wire size of the value; RECORDS also add their payload bytes to {@code sizer}. */
    abstract long sizeOf(T value, short version, boolean flexible, Sizer sizer);

    /** Fewest bytes a value can take; bounds hostile array counts. */
    abstract int minSize(short version, boolean flexible);

    /** A fresh value for a field that is absent or not set. May be shared when immutable. */
    abstract T newDefault();

    /** Whether {@code value} equals {@link #newDefault()}, without allocating one. */
    abstract boolean isZero(Object value);

    /** Whether the type can carry null at all (nullability per version is the field's business). */
    boolean canBeNull() {
        return true;
    }

    // ------------------------------------------------------------------------------------------ kinds

    private abstract static class Fixed<T> extends FieldType<T> {
        private final int width;
        private final T zero;

        Fixed(final String name, final int width, final T zero) {
            super(name);
            this.width = width;
            this.zero = zero;
        }

        @Override
        long sizeOf(final T value, final short version, final boolean flexible, final Sizer sizer) {
            return width;
        }

        @Override
        int minSize(final short version, final boolean flexible) {
            return width;
        }

        @Override
        T newDefault() {
            return zero;
        }

        @Override
        boolean isZero(final Object value) {
            return zero.equals(value);
        }

        @Override
        boolean canBeNull() {
            return false;
        }
    }

    private static final class StringType extends FieldType<String> {
        StringType() {
            super("string");
        }

        @Override
        String read(final ByteBuffer b, final short v, final boolean flexible, final boolean nullable, final String p) {
            return WirePrimitives.readString(b, flexible, nullable, p);
        }

        @Override
        void write(final String value, final Encoder e, final short v, final boolean flexible, final boolean nullable,
                   final String p) {
            WirePrimitives.writeString(value, e.buffer(), flexible, nullable, p);
        }

        @Override
        long sizeOf(final String value, final short version, final boolean flexible, final Sizer sizer) {
            return WirePrimitives.sizeOfString(value, flexible);
        }

        @Override
        int minSize(final short version, final boolean flexible) {
            return flexible ? 1 : WirePrimitives.STRING_LENGTH_BYTES;
        }

        @Override
        String newDefault() {
            return "";
        }

        @Override
        boolean isZero(final Object value) {
            return "".equals(value);
        }
    }

    private static final class BytesType extends FieldType<byte[]> {
        private static final byte[] EMPTY = new byte[0];

        BytesType() {
            super("bytes");
        }

        @Override
        byte[] read(final ByteBuffer b, final short v, final boolean flexible, final boolean nullable, final String p) {
            return WirePrimitives.readBytes(b, flexible, nullable, p);
        }

        @Override
        void write(final byte[] value, final Encoder e, final short v, final boolean flexible, final boolean nullable,
                   final String p) {
            WirePrimitives.writeBytes(value, e.buffer(), flexible, nullable, p);
        }

        @Override
        long sizeOf(final byte[] value, final short version, final boolean flexible, final Sizer sizer) {
            return WirePrimitives.sizeOfBytes(value == null ? -1 : value.length, flexible);
        }

        @Override
        int minSize(final short version, final boolean flexible) {
            return flexible ? 1 : WirePrimitives.BYTES_LENGTH_BYTES;
        }

        @Override
        byte[] newDefault() {
            return EMPTY;
        }

        @Override
        boolean isZero(final Object value) {
            return value instanceof byte[] bytes && bytes.length == 0;
        }
    }

    private static final class RecordsType extends FieldType<RecordsPayload> {
        RecordsType() {
            super("records");
        }

        @Override
        RecordsPayload read(final ByteBuffer b, final short v, final boolean flexible, final boolean nullable,
                            final String p) {
            final ByteBuffer slice = WirePrimitives.readBytesSlice(b, flexible, nullable, p);
            return slice == null ? null : ByteBufferRecords.wrap(slice);
        }

        @Override
        void write(final RecordsPayload value, final Encoder e, final short v, final boolean flexible,
                   final boolean nullable, final String p) {
            if (value == null) {
                WirePrimitives.writeLength(-1, e.buffer(), flexible, false);
                return;
            }
            WirePrimitives.writeLength(checkedSize(value, p), e.buffer(), flexible, false);
            e.payload(value, p);
        }

        @Override
        long sizeOf(final RecordsPayload value, final short version, final boolean flexible, final Sizer sizer) {
            if (value == null) {
                return WirePrimitives.sizeOfBytes(-1, flexible);
            }
            final int size = checkedSize(value, "records");
            sizer.addPayload(size);
            return WirePrimitives.sizeOfBytes(size, flexible);
        }

        private static int checkedSize(final RecordsPayload value, final String path) {
            final long size = value.sizeInBytes();
            if (size < 0 || size > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException(path + ": records size " + size + " cannot be framed");
            }
            return (int) size;
        }

        @Override
        int minSize(final short version, final boolean flexible) {
            return flexible ? 1 : WirePrimitives.BYTES_LENGTH_BYTES;
        }

        @Override
        RecordsPayload newDefault() {
            return null;
        }

        @Override
        boolean isZero(final Object value) {
            return value == null;
        }
    }

    private static final class ArrayType<E> extends FieldType<List<E>> {
        private final FieldType<E> element;

        ArrayType(final FieldType<E> element) {
            super("[]" + element.name());
            this.element = element;
        }

        FieldType<E> element() {
            return element;
        }

        @Override
        List<E> read(final ByteBuffer b, final short v, final boolean flexible, final boolean nullable,
                     final String p) {
            final int count = WirePrimitives.readArrayCount(b, flexible, nullable, element.minSize(v, flexible), p);
            if (count < 0) {
                return null;
            }
            final List<E> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                list.add(element.read(b, v, flexible, false, p));
            }
            return list;
        }

        @Override
        void write(final List<E> value, final Encoder e, final short v, final boolean flexible, final boolean nullable,
                   final String p) {
            if (value == null) {
                WirePrimitives.writeArrayCount(-1, e.buffer(), flexible);
                return;
            }
            WirePrimitives.writeArrayCount(value.size(), e.buffer(), flexible);
            for (final E item : value) {
                if (item == null) {
                    throw new IllegalArgumentException(p + ": array elements cannot be null");
                }
                element.write(item, e, v, flexible, false, p);
            }
        }

        @Override
        long sizeOf(final List<E> value, final short version, final boolean flexible, final Sizer sizer) {
            if (value == null) {
                return WirePrimitives.sizeOfArrayCount(-1, flexible);
            }
            long size = WirePrimitives.sizeOfArrayCount(value.size(), flexible);
            for (final E item : value) {
                if (item == null) {
                    throw new IllegalArgumentException("array elements cannot be null");
                }
                size += element.sizeOf(item, version, flexible, sizer);
            }
            return size;
        }

        @Override
        int minSize(final short version, final boolean flexible) {
            return flexible ? 1 : WirePrimitives.BYTES_LENGTH_BYTES;
        }

        @Override
        List<E> newDefault() {
            return new ArrayList<>();
        }

        @Override
        boolean isZero(final Object value) {
            return value instanceof List<?> list && list.isEmpty();
        }
    }

    static final class StructType extends FieldType<Struct> {
        private final StructSchema schema;
        /** Compared against, never handed out, so nobody can change it. */
        private final Struct defaultValue;

        StructType(final StructSchema schema) {
            super(schema.name());
            this.schema = schema;
            this.defaultValue = schema.newStruct();
        }

        StructSchema schema() {
            return schema;
        }

        @Override
        Struct read(final ByteBuffer b, final short v, final boolean flexible, final boolean nullable, final String p) {
            return schema.read(b, v, flexible);
        }

        @Override
        void write(final Struct value, final Encoder e, final short v, final boolean flexible, final boolean nullable,
                   final String p) {
            if (value.schema() != schema) {
                throw new IllegalArgumentException(p + ": expected a " + schema.name() + " but got a "
                    + value.schema().name());
            }
            schema.write(value, e, v, flexible);
        }

        @Override
        long sizeOf(final Struct value, final short version, final boolean flexible, final Sizer sizer) {
            return schema.sizeOf(value, version, flexible, sizer);
        }

        @Override
        int minSize(final short version, final boolean flexible) {
            return schema.minSize(version, flexible);
        }

        @Override
        Struct newDefault() {
            return schema.newStruct();
        }

        @Override
        boolean isZero(final Object value) {
            return defaultValue.equals(value);
        }

        @Override
        boolean canBeNull() {
            return false;
        }
    }

    /** The element schema when {@code type} is a struct array, else null. */
    static StructSchema elementSchema(final FieldType<?> type) {
        if (type instanceof ArrayType<?> array && array.element() instanceof StructType struct) {
            return struct.schema();
        }
        return null;
    }
}
