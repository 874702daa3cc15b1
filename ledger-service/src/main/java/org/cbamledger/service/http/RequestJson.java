package org.cbamledger.service.http;

import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies parsed as I-JSON (RFC 7493): a member name twice in one object is refused, not read as its last
 * value (§2.3), and nothing may follow the value. Jackson's nesting limit bounds a deeply nested body.
 */
public final class RequestJson {
    // duplicate members refused by the parser itself; Jackson 3 refuses trailing tokens by default
    private static final JsonMapper STRICT = JsonMappers.NO_DUPLICATE_KEYS;

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
