package org.cbamledger.signer;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's JSON mappers, one shared instance per configuration (a JsonMapper is immutable and thread-safe).
 * Jackson 3 refuses trailing tokens by default, so all three do. Two mappers elsewhere differ on purpose: the
 * service's request parser (I-JSON duplicate refusal, numbers in Jackson's default types, which the checks after it
 * were written for) and the JWKS writer (null members left out).
 */
public final class JsonMappers {
    /** Jackson's defaults: for the records we build and write, and trees read only to be passed on or checked. */
    public static final JsonMapper PLAIN = JsonMapper.builder().build();

    /** Numbers with a fraction read as exact BigDecimal, never as double: for figures the calculation computes with. */
    public static final JsonMapper EXACT_DECIMALS =
            JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /**
     * I-JSON (RFC 7493 §2.3): a duplicate member name is refused; every number is read exactly, as RFC 8785
     * canonicalisation needs.
     */
    public static final JsonMapper I_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private JsonMappers() {}
}
