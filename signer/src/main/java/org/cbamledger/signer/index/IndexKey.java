package org.cbamledger.signer.index;

import java.time.YearMonth;
import org.cbamledger.signer.map.MapKey;

/**
 * A key of a log's verifiable index (api-spec/CONTRACTS.md, index-commitment): an installation, a record kind and a
 * calendar month. Its text is {@code index:<installationId>:<kind>:<YYYY-MM>}; its map key the SHA-256 of that text.
 */
public record IndexKey(String installationId, String kind, YearMonth month) {

    public String text() {
        return "index:" + installationId + ":" + kind + ":" + month;
    }

    public MapKey mapKey() {
        return MapKey.ofClaim(text());
    }

    @Override
    public String toString() {
        return text();
    }
}
