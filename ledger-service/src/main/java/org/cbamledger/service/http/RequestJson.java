package org.cbamledger.service.http;

import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies parsed as I-JSON (RFC 7493): a member name twice in one object is refused, not read as its last
 * value (§2.3), and nothing may follow the value. Jackson's nesting limit bounds a deeply nested body.
 */
public final class RequestJson {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RequestJson() {}

    /** @param what the body's name in the problem's detail, e.g. "batch body" */
    public static JsonNode tree(byte[] body, Problem problem, String what) throws LedgerException {
        try {
            JsonNode json = STRICT.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new LedgerException(problem, what + " is empty");
            }
            return json;
        } catch (JacksonException e) {
            throw new LedgerException(problem, what + " is not I-JSON (RFC 7493): " + e.getOriginalMessage());
        }
    }
}
