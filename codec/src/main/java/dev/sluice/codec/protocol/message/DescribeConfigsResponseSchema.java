package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * DescribeConfigsResponse response (API key 32): versions 0 to 4, flexible from version 4.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class DescribeConfigsResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32);
    public static final Field<List<Struct>> RESULTS = Field.of("Results", FieldType.structArray(DescribeConfigsResult.SCHEMA));
    public static final StructSchema ROOT = new StructSchema("DescribeConfigsResponse",
        THROTTLE_TIME_MS, RESULTS);
    public static final MessageSchema SCHEMA = new MessageSchema("DescribeConfigsResponse", 32, 0, 4, 4, ROOT);

    private DescribeConfigsResponseSchema() {
    }

    /** Elements of {@code DescribeConfigsResponse.Results}. */
    public static final class DescribeConfigsResult {
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
        public static final Field<String> ERROR_MESSAGE = Field.of("ErrorMessage", FieldType.STRING)
                .nullableVersions(0, NO_MAX);
        public static final Field<Byte> RESOURCE_TYPE = Field.of("ResourceType", FieldType.INT8);
        public static final Field<String> RESOURCE_NAME = Field.of("ResourceName", FieldType.STRING);
        public static final Field<List<Struct>> CONFIGS = Field.of("Configs", FieldType.structArray(DescribeConfigsResourceResult.SCHEMA));
        public static final StructSchema SCHEMA = new StructSchema("DescribeConfigsResponse.Results",
            ERROR_CODE, ERROR_MESSAGE, RESOURCE_TYPE, RESOURCE_NAME, CONFIGS);

        private DescribeConfigsResult() {
        }
    }

    /** Elements of {@code DescribeConfigsResponse.Results.Configs}. */
    public static final class DescribeConfigsResourceResult {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING);
        public static final Field<String> VALUE = Field.of("Value", FieldType.STRING)
                .nullableVersions(0, NO_MAX);
        public static final Field<Boolean> READ_ONLY = Field.of("ReadOnly", FieldType.BOOLEAN);
        public static final Field<Boolean> IS_DEFAULT = Field.of("IsDefault", FieldType.BOOLEAN).versions(0, 0);
        public static final Field<Byte> CONFIG_SOURCE = Field.of("ConfigSource", FieldType.INT8).versions(1, NO_MAX).ignorable().withDefault((byte) -1);
        public static final Field<Boolean> IS_SENSITIVE = Field.of("IsSensitive", FieldType.BOOLEAN);
        public static final Field<List<Struct>> SYNONYMS = Field.of("Synonyms", FieldType.structArray(DescribeConfigsSynonym.SCHEMA)).versions(1, NO_MAX).ignorable();
        public static final Field<Byte> CONFIG_TYPE = Field.of("ConfigType", FieldType.INT8).versions(3, NO_MAX).ignorable();
        public static final Field<String> DOCUMENTATION = Field.of("Documentation", FieldType.STRING).versions(3, NO_MAX)
                .nullableVersions(0, NO_MAX).ignorable();
        public static final StructSchema SCHEMA = new StructSchema("DescribeConfigsResponse.Results.Configs",
            NAME, VALUE, READ_ONLY, IS_DEFAULT, CONFIG_SOURCE, IS_SENSITIVE, SYNONYMS, CONFIG_TYPE, DOCUMENTATION);

        private DescribeConfigsResourceResult() {
        }
    }

    /** Elements of {@code DescribeConfigsResponse.Results.Configs.Synonyms}. */
    public static final class DescribeConfigsSynonym {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING).versions(1, NO_MAX);
        public static final Field<String> VALUE = Field.of("Value", FieldType.STRING).versions(1, NO_MAX)
                .nullableVersions(0, NO_MAX);
        public static final Field<Byte> SOURCE = Field.of("Source", FieldType.INT8).versions(1, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("DescribeConfigsResponse.Results.Configs.Synonyms",
            NAME, VALUE, SOURCE);

        private DescribeConfigsSynonym() {
        }
    }
}
