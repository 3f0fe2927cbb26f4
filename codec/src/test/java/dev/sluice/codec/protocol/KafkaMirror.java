package dev.sluice.codec.protocol;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.record.MemoryRecords;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Test helper: fills one of our structs and the matching kafka-clients generated message with the same random
 * values, field by field, driven by our schema. Field handles are matched to kafka-clients' accessors by name
 * ({@code TopicData} to {@code setTopicData}), and element classes are found from the accessors' types, so a
 * field we name differently from Kafka fails loudly here rather than going untested.
 */
final class KafkaMirror {
    private static final String[] SAMPLE_STRINGS = {"", "a", "topic-1", "grüße", "日本語", "emoji \uD83D\uDE00",
        "a-much-longer-client-id-with-some-length-to-it"};

    private final Random random;

    KafkaMirror(final long seed) {
        this.random = new Random(seed);
    }

    /** Our struct and Kafka's message, holding equal values for every field present in {@code version}. */
    record Pair(Struct ours, Object kafka) {
    }

    static Class<?> kafkaClass(final MessageSchema schema) throws ClassNotFoundException {
        final String base = "org.apache.kafka.common.message." + schema.name();
        try {
            return Class.forName(base + "Data");
        } catch (final ClassNotFoundException e) {
            return Class.forName(base);
        }
    }

    Pair fill(final StructSchema schema, final Class<?> kafkaClass, final short version, final int depth)
        throws ReflectiveOperationException {
        final Struct ours = schema.newStruct();
        final Object kafka = kafkaClass.getConstructor().newInstance();
        for (final Field<?> field : schema.fields()) {
            if (!field.isPresentIn(version)) {
                continue;
            }
            final Method getter = kafkaClass.getMethod(lowerFirst(field.name()));
            final Method setter = setter(kafkaClass, field.name());
            final Object[] values = randomValue(field, version, getter, depth);
            set(ours, field, values[0]);
            setter.invoke(kafka, values[1]);
        }
        return new Pair(ours, kafka);
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(final Struct struct, final Field<T> field, final Object value) {
        struct.set(field, (T) value);
    }

    private Object[] randomValue(final Field<?> field, final short version, final Method getter, final int depth)
        throws ReflectiveOperationException {
        final boolean nullable = field.isNullableIn(version);
        if (nullable && random.nextInt(4) == 0) {
            return new Object[] {null, null};
        }
        final FieldType<?> type = field.type();
        final StructSchema element = FieldType.elementSchema(type);
        if (element != null) {
            final int count = depth > 3 ? 0 : random.nextInt(3);
            final Class<?> collectionType = getter.getReturnType();
            final Class<?> elementClass = elementClass(getter);
            final List<Struct> ours = new ArrayList<>();
            @SuppressWarnings("unchecked")
            final Collection<Object> kafka = List.class.isAssignableFrom(collectionType)
                ? new ArrayList<>()
                : (Collection<Object>) collectionType.getConstructor().newInstance();
            for (int i = 0; i < count; i++) {
                final Pair pair = fill(element, elementClass, version, depth + 1);
                ours.add(pair.ours());
                kafka.add(pair.kafka());
            }
            return new Object[] {ours, kafka};
        }
        if (type instanceof FieldType.StructType struct) {
            if (random.nextInt(3) == 0) {
                // Leave it at the default, so a tagged struct is sometimes absent from the wire.
                return new Object[] {struct.schema().newStruct(), getter.getReturnType().getConstructor().newInstance()};
            }
            final Pair pair = fill(struct.schema(), getter.getReturnType(), version, depth + 1);
            return new Object[] {pair.ours(), pair.kafka()};
        }
        final String name = type.name();
        if (name.startsWith("[]")) {
            final int count = random.nextInt(4);
            final List<Object> ours = new ArrayList<>();
            final List<Object> kafka = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                final Object[] pair = primitive(name.substring(2), getter);
                ours.add(pair[0]);
                kafka.add(pair[1]);
            }
            return new Object[] {ours, kafka};
        }
        if (random.nextInt(5) == 0 && field.tag() >= 0) {
            // A tagged field at its default stays off the wire; both sides must agree on that.
            final Object ours = field.newDefault();
            return new Object[] {ours, toKafka(ours, getter.getReturnType())};
        }
        return primitive(name, getter);
    }

    private Object[] primitive(final String name, final Method getter) {
        switch (name) {
            case "bool": {
                final boolean v = random.nextBoolean();
                return new Object[] {v, v};
            }
            case "int8": {
                final byte v = (byte) random.nextInt();
                return new Object[] {v, v};
            }
            case "int16": {
                final short v = (short) random.nextInt();
                return new Object[] {v, v};
            }
            case "uint16": {
                final int v = random.nextInt(0x10000);
                return new Object[] {v, v};
            }
            case "int32": {
                final int v = random.nextInt(3) == 0 ? random.nextInt(200) - 100 : random.nextInt();
                return new Object[] {v, v};
            }
            case "uint32": {
                final long v = random.nextLong() & 0xffffffffL;
                return new Object[] {v, v};
            }
            case "int64": {
                final long v = random.nextLong();
                return new Object[] {v, v};
            }
            case "float64": {
                final double v = random.nextDouble();
                return new Object[] {v, v};
            }
            case "uuid": {
                final UUID v = new UUID(random.nextLong(), random.nextLong());
                return new Object[] {v, new Uuid(v.getMostSignificantBits(), v.getLeastSignificantBits())};
            }
            case "string": {
                final String v = SAMPLE_STRINGS[random.nextInt(SAMPLE_STRINGS.length)] + random.nextInt(1000);
                return new Object[] {v, v};
            }
            case "bytes": {
                final byte[] v = randomBytes();
                return new Object[] {v, getter.getReturnType() == ByteBuffer.class ? ByteBuffer.wrap(v.clone()) : v.clone()};
            }
            case "records": {
                final byte[] v = randomBytes();
                return new Object[] {ByteBufferRecords.wrap(v), MemoryRecords.readableRecords(ByteBuffer.wrap(v.clone()))};
            }
            default:
                throw new IllegalArgumentException("no random values for " + name);
        }
    }

    private static Object toKafka(final Object ours, final Class<?> kafkaType) {
        if (ours instanceof UUID uuid) {
            return new Uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
        }
        if (ours instanceof byte[] bytes && kafkaType == ByteBuffer.class) {
            return ByteBuffer.wrap(bytes);
        }
        return ours;
    }

    private byte[] randomBytes() {
        final byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Class<?> elementClass(final Method getter) {
        final Type generic = getter.getGenericReturnType();
        if (generic instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getActualTypeArguments()[0];
        }
        // A keyed collection class (ImplicitLinkedHashMultiCollection<E> subclass): E is its superclass's argument.
        Type superType = getter.getReturnType().getGenericSuperclass();
        while (!(superType instanceof ParameterizedType)) {
            superType = ((Class<?>) superType).getGenericSuperclass();
        }
        return (Class<?>) ((ParameterizedType) superType).getActualTypeArguments()[0];
    }

    private static Method setter(final Class<?> kafkaClass, final String name) throws NoSuchMethodException {
        for (final Method method : kafkaClass.getMethods()) {
            if (method.getName().equals("set" + Character.toUpperCase(name.charAt(0)) + name.substring(1)) && method.getParameterCount() == 1) {
                return method;
            }
        }
        throw new NoSuchMethodException(kafkaClass.getName() + ".set" + name);
    }

    private static String lowerFirst(final String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    static ByteBuffer kafkaSerialize(final Object message, final short version) {
        final Message kafka = (Message) message;
        final ObjectSerializationCache cache = new ObjectSerializationCache();
        final ByteBuffer buffer = ByteBuffer.allocate(kafka.size(cache, version));
        kafka.write(new ByteBufferAccessor(buffer), cache, version);
        return buffer.flip();
    }

    static Object kafkaRead(final Class<?> kafkaClass, final ByteBuffer buffer, final short version)
        throws ReflectiveOperationException {
        return kafkaClass.getConstructor(org.apache.kafka.common.protocol.Readable.class, short.class)
            .newInstance(new ByteBufferAccessor(buffer), version);
    }

    static String hex(final ByteBuffer buffer) {
        final StringBuilder out = new StringBuilder();
        final ByteBuffer copy = buffer.duplicate();
        while (copy.hasRemaining()) {
            out.append(String.format("%02x", copy.get()));
        }
        return out.toString();
    }

    static String utf8(final byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
