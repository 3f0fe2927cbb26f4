package dev.sluice.client.serialization;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Finds the built-in serializers: by the Java type they handle, and by class name as written in a
 * properties file. kafka-clients' class names (e.g.
 * {@code org.apache.kafka.common.serialization.StringSerializer}) resolve to the Sluice class that
 * writes the same bytes, so configuration written for kafka-clients works unchanged.
 */
public final class Serdes {
    private static final String KAFKA_PACKAGE = "org.apache.kafka.common.serialization.";

    private static final Map<String, Class<?>> BY_NAME = new HashMap<>();
    private static final Map<Class<?>, Supplier<Serializer<?>>> SERIALIZERS = new HashMap<>();
    private static final Map<Class<?>, Supplier<Deserializer<?>>> DESERIALIZERS = new HashMap<>();

    static {
        register("String", String.class, StringSerializer.class, StringSerializer::new,
            StringDeserializer.class, StringDeserializer::new);
        register("ByteArray", byte[].class, ByteArraySerializer.class, ByteArraySerializer::new,
            ByteArrayDeserializer.class, ByteArrayDeserializer::new);
        register("ByteBuffer", ByteBuffer.class, ByteBufferSerializer.class, ByteBufferSerializer::new,
            ByteBufferDeserializer.class, ByteBufferDeserializer::new);
        register("Integer", Integer.class, IntegerSerializer.class, IntegerSerializer::new,
            IntegerDeserializer.class, IntegerDeserializer::new);
        register("Long", Long.class, LongSerializer.class, LongSerializer::new,
            LongDeserializer.class, LongDeserializer::new);
        register("Short", Short.class, ShortSerializer.class, ShortSerializer::new,
            ShortDeserializer.class, ShortDeserializer::new);
        register("Double", Double.class, DoubleSerializer.class, DoubleSerializer::new,
            DoubleDeserializer.class, DoubleDeserializer::new);
        register("Float", Float.class, FloatSerializer.class, FloatSerializer::new,
            FloatDeserializer.class, FloatDeserializer::new);
        register("UUID", UUID.class, UUIDSerializer.class, UUIDSerializer::new,
            UUIDDeserializer.class, UUIDDeserializer::new);
        register("Void", Void.class, VoidSerializer.class, VoidSerializer::new,
            VoidDeserializer.class, VoidDeserializer::new);
    }

    private Serdes() {
    }

    private static void register(final String simpleName, final Class<?> type,
                                 final Class<?> serializerClass, final Supplier<Serializer<?>> serializer,
                                 final Class<?> deserializerClass, final Supplier<Deserializer<?>> deserializer) {
        BY_NAME.put(KAFKA_PACKAGE + simpleName + "Serializer", serializerClass);
        BY_NAME.put(KAFKA_PACKAGE + simpleName + "Deserializer", deserializerClass);
        BY_NAME.put(serializerClass.getName(), serializerClass);
        BY_NAME.put(deserializerClass.getName(), deserializerClass);
        SERIALIZERS.put(type, serializer);
        DESERIALIZERS.put(type, deserializer);
    }

    /**
     * The built-in class a name stands for: a Sluice built-in's own name, or the kafka-clients name of
     * the same format. {@code null} for any other name (which the caller then loads as a class).
     */
    public static Class<?> builtInClass(final String className) {
        return className == null ? null : BY_NAME.get(className.trim());
    }

    /** A new built-in serializer for this type, or {@code null} if there is none. */
    @SuppressWarnings("unchecked")
    public static <T> Serializer<T> serializerFor(final Class<T> type) {
        final Supplier<Serializer<?>> supplier = SERIALIZERS.get(type);
        return supplier == null ? null : (Serializer<T>) supplier.get();
    }

    /** A new built-in deserializer for this type, or {@code null} if there is none. */
    @SuppressWarnings("unchecked")
    public static <T> Deserializer<T> deserializerFor(final Class<T> type) {
        final Supplier<Deserializer<?>> supplier = DESERIALIZERS.get(type);
        return supplier == null ? null : (Deserializer<T>) supplier.get();
    }
}
