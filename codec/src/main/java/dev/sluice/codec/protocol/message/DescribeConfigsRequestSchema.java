package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * DescribeConfigsRequest request (API key 32): versions 0 to 4, flexible from version 4.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class DescribeConfigsRequestSchema {
    public static final Field<List<Struct>> RESOURCES = Field.of("Resources", FieldType.structArray(DescribeConfigsResource.SCHEMA));
    public static final Field<Boolean> INCLUDE_SYNONYMS = Field.of("IncludeSynonyms", FieldType.BOOLEAN).versions(1, NO_MAX);
    public static final Field<Boolean> INCLUDE_DOCUMENTATION = Field.of("IncludeDocumentation", FieldType.BOOLEAN).versions(3, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("DescribeConfigsRequest",
        RESOURCES, INCLUDE_SYNONYMS, INCLUDE_DOCUMENTATION);
    public static final MessageSchema SCHEMA = new MessageSchema("DescribeConfigsRequest", 32, 0, 4, 4, ROOT);

    private DescribeConfigsRequestSchema() {
    }

    /** Elements of {@code DescribeConfigsRequest.Resources}. */
    public static final class DescribeConfigsResource {
        public static final Field<Byte> RESOURCE_TYPE = Field.of("ResourceType", FieldType.INT8);
        public static final Field<String> RESOURCE_NAME = Field.of("ResourceName", FieldType.STRING);
        public static final Field<List<String>> CONFIGURATION_KEYS = Field.of("ConfigurationKeys", FieldType.arrayOf(FieldType.STRING))
                .nullableVersions(0, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("DescribeConfigsRequest.Resources",
            RESOURCE_TYPE, RESOURCE_NAME, CONFIGURATION_KEYS);

        private DescribeConfigsResource() {
        }
    }
}
