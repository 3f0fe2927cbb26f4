package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * ApiVersionsResponse response (API key 18): versions 0 to 3, flexible from version 3.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class ApiVersionsResponseSchema {
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
    public static final Field<List<Struct>> API_KEYS = Field.of("ApiKeys", FieldType.structArray(ApiVersion.SCHEMA));
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(1, NO_MAX).ignorable();
    public static final Field<List<Struct>> SUPPORTED_FEATURES = Field.of("SupportedFeatures", FieldType.structArray(SupportedFeatureKey.SCHEMA)).versions(3, NO_MAX)
            .tagged(0, 3, NO_MAX).ignorable();
    public static final Field<Long> FINALIZED_FEATURES_EPOCH = Field.of("FinalizedFeaturesEpoch", FieldType.INT64).versions(3, NO_MAX)
            .tagged(1, 3, NO_MAX).ignorable().withDefault(-1L);
    public static final Field<List<Struct>> FINALIZED_FEATURES = Field.of("FinalizedFeatures", FieldType.structArray(FinalizedFeatureKey.SCHEMA)).versions(3, NO_MAX)
            .tagged(2, 3, NO_MAX).ignorable();
    public static final Field<Boolean> ZK_MIGRATION_READY = Field.of("ZkMigrationReady", FieldType.BOOLEAN).versions(3, NO_MAX)
            .tagged(3, 3, NO_MAX).ignorable();
    public static final StructSchema ROOT = new StructSchema("ApiVersionsResponse",
        ERROR_CODE, API_KEYS, THROTTLE_TIME_MS, SUPPORTED_FEATURES, FINALIZED_FEATURES_EPOCH, FINALIZED_FEATURES, ZK_MIGRATION_READY);
    public static final MessageSchema SCHEMA = new MessageSchema("ApiVersionsResponse", 18, 0, 3, 3, ROOT);

    private ApiVersionsResponseSchema() {
    }

    /** Elements of {@code ApiVersionsResponse.ApiKeys}. */
    public static final class ApiVersion {
        public static final Field<Short> API_KEY = Field.of("ApiKey", FieldType.INT16);
        public static final Field<Short> MIN_VERSION = Field.of("MinVersion", FieldType.INT16);
        public static final Field<Short> MAX_VERSION = Field.of("MaxVersion", FieldType.INT16);
        public static final StructSchema SCHEMA = new StructSchema("ApiVersionsResponse.ApiKeys",
            API_KEY, MIN_VERSION, MAX_VERSION);

        private ApiVersion() {
        }
    }

    /** Elements of {@code ApiVersionsResponse.SupportedFeatures}. */
    public static final class SupportedFeatureKey {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING).versions(3, NO_MAX);
        public static final Field<Short> MIN_VERSION = Field.of("MinVersion", FieldType.INT16).versions(3, NO_MAX);
        public static final Field<Short> MAX_VERSION = Field.of("MaxVersion", FieldType.INT16).versions(3, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("ApiVersionsResponse.SupportedFeatures",
            NAME, MIN_VERSION, MAX_VERSION);

        private SupportedFeatureKey() {
        }
    }

    /** Elements of {@code ApiVersionsResponse.FinalizedFeatures}. */
    public static final class FinalizedFeatureKey {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING).versions(3, NO_MAX);
        public static final Field<Short> MAX_VERSION_LEVEL = Field.of("MaxVersionLevel", FieldType.INT16).versions(3, NO_MAX);
        public static final Field<Short> MIN_VERSION_LEVEL = Field.of("MinVersionLevel", FieldType.INT16).versions(3, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("ApiVersionsResponse.FinalizedFeatures",
            NAME, MAX_VERSION_LEVEL, MIN_VERSION_LEVEL);

        private FinalizedFeatureKey() {
        }
    }
}
