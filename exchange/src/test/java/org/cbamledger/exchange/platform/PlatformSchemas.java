package org.cbamledger.exchange.platform;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Validates exports against the schemas in test resources platform/ (draft 2020-12, formats asserted). */
final class PlatformSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private PlatformSchemas() {}

    static List<String> violations(String schemaFile, JsonNode document) {
        return REGISTRY.getSchema(SchemaLocation.of("classpath:platform/" + schemaFile)).validate(document).stream()
                .map(Error::toString).toList();
    }
}
