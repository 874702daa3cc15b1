package org.cbamledger.signer;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's JSON mappers, one shared instance per configuration (a JsonMapper is immutable and thread-safe).
 * Jackson 3 refuses trailing tokens by default, so all of them do. Two mappers elsewhere differ on purpose: the
 * JWKS writer (null members left out) and the verifier's evidence reader (one node per recurring string,
 * BundledEvidence).
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

    /**
     * A duplicate member name is refused (RFC 7493 §2.3), numbers in Jackson's default types: for files read strictly
     * whose numbers are counts and indexes, never figures (the verifier's bundle.json and trust policy, the service's
     * request bodies, whose checks were written for Jackson's default number types).
     */
    public static final JsonMapper NO_DUPLICATE_KEYS =
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonMappers() {}
}
