package org.cbamledger.calculation.statement;

import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.Jws;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A statement signed as a compact JWS by the operator's key; the payload is the statement's RFC 8785 bytes. */
public final class StatementJws {
    private static final JsonMapper MAPPER = JsonMappers.EXACT_DECIMALS;

    private StatementJws() {}

    public static String sign(JsonNode statement, SigningKey key) throws CalculationException {
        try {
            return Jws.sign(CanonicalJson.canonicalize(statement), key);
        } catch (SignerException e) {
            throw new CalculationException("cannot canonicalise the statement: " + e.getMessage(), e);
        }
    }

    /** The statement, once the signature verifies with {@code key}. */
    public static JsonNode verify(String compact, PublicKeyInfo key) throws CalculationException {
        try {
            return MAPPER.readTree(Jws.verify(compact, key));
        } catch (SignerException e) {
            throw new CalculationException("statement signature does not verify: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new CalculationException("statement payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
