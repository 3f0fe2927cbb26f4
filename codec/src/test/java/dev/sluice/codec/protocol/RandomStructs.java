package dev.sluice.codec.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Test helper: fills a struct with random values for every field present in a version. Seeded, repeatable. */
final class RandomStructs {
    private static final String[] SAMPLE_STRINGS = {"", "x", "orders", "naïve", "中文", "\uD83D\uDE80 rocket"};

    private final Random random;

    RandomStructs(final long seed) {
        this.random = new Random(seed);
    }

    Struct fill(final StructSchema schema, final short version) {
        return fill(schema, version, 0);
    }

    private Struct fill(final StructSchema schema, final short version, final int depth) {
        final Struct struct = schema.newStruct();
        for (final Field<?> field : schema.fields()) {
            if (field.isPresentIn(version)) {
                set(struct, field, value(field, version, depth));
            }
        }
        return struct;
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(final Struct struct, final Field<T> field, final Object value) {
        struct.set(field, (T) value);
    }

    private Object value(final Field<?> field, final short version, final int depth) {
        if (field.isNullableIn(version) && random.nextInt(4) == 0) {
            return null;
        }
        final FieldType<?> type = field.type();
        final StructSchema element = FieldType.elementSchema(type);
        if (element != null) {
            final List<Struct> list = new ArrayList<>();
            final int count = depth > 3 ? 0 : random.nextInt(3);
            for (int i = 0; i < count; i++) {
                list.add(fill(element, version, depth + 1));
            }
            return list;
        }
        if (type instanceof FieldType.StructType struct) {
            return random.nextInt(3) == 0 ? struct.schema().newStruct() : fill(struct.schema(), version, depth + 1);
        }
        final String name = type.name();
        if (name.startsWith("[]")) {
            final List<Object> list = new ArrayList<>();
            final int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                list.add(primitive(name.substring(2)));
            }
            return list;
        }
        return primitive(name);
    }

    Object primitive(final String name) {
        switch (name) {
            case "bool":
                return random.nextBoolean();
            case "int8":
                return (byte) random.nextInt();
            case "int16":
                return (short) random.nextInt();
            case "uint16":
                return random.nextInt(0x10000);
            case "int32":
                return random.nextInt();
            case "uint32":
                return random.nextLong() & 0xffffffffL;
            case "int64":
                return random.nextLong();
            case "float64":
                return random.nextDouble();
            case "uuid":
                return new UUID(random.nextLong(), random.nextLong());
            case "string":
                return SAMPLE_STRINGS[random.nextInt(SAMPLE_STRINGS.length)];
            case "bytes": {
                final byte[] bytes = new byte[random.nextInt(24)];
                random.nextBytes(bytes);
                return bytes;
            }
            case "records": {
                final byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                return ByteBufferRecords.wrap(bytes);
            }
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** Every message schema this codec has, requests, responses and data structs. */
    static List<MessageSchema> allSchemas() {
        final List<MessageSchema> schemas = new ArrayList<>();
        for (final ApiKeys api : ApiKeys.values()) {
            schemas.add(api.requestSchema());
            schemas.add(api.responseSchema());
        }
        schemas.add(dev.sluice.codec.protocol.message.ConsumerProtocolSubscriptionSchema.SCHEMA);
        schemas.add(dev.sluice.codec.protocol.message.ConsumerProtocolAssignmentSchema.SCHEMA);
        return schemas;
    }
}
