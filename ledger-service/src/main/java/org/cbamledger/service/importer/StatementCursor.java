package org.cbamledger.service.importer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;

/**
 * Where a page of an importer's statements ends: the last item's storage time, log and statement id. Opaque to
 * clients (base64url); the order it continues is newest stored first, then log id and statement id descending.
 */
public record StatementCursor(Instant storedAt, String logId, String statementId) {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public String encode() {
        String plain = storedAt.getEpochSecond() + "." + storedAt.getNano() + "\n" + logId + "\n" + statementId;
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static StatementCursor decode(String cursor) throws LedgerException {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length == 3) {
                String[] time = parts[0].split("\\.", -1);
                if (time.length == 2) {
                    return new StatementCursor(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])),
                            parts[1], parts[2]);
                }
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // reported below
        }
        throw new LedgerException(Problem.INVALID_PARAMETER, "cursor is not one this service returned");
    }
}
