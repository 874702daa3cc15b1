package org.cbamledger.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The tree-free read of a batch body: the envelopes the strict parse reads, or nothing for the strict parse to read. */
class CanonicalBatchTest {
    private static final SigningKey GATEWAY = SigningKey.generate(KeyAlgorithm.ED25519);
    private static final SigningKey COSIGNER = SigningKey.generate(KeyAlgorithm.ECDSA_P256);

    private static String entry(long sequence, SigningKey... keys) throws Exception {
        return new String(TestLog.sign(Kinds.METER_READING_BATCH, TestLog.meterBatch("meter-1", "gw-1", sequence,
                Instant.parse("2026-11-03T00:00:00Z"), 2), keys), StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void canonicalElements_areTheEnvelopesTheStrictParseReads() throws Exception {
        String body = "[" + entry(0, GATEWAY) + "," + entry(1, GATEWAY, COSIGNER) + "," + entry(2, GATEWAY) + "]";

        List<Envelope> read = CanonicalBatch.read(bytes(body));

        List<Envelope> strict = new ArrayList<>();
        for (JsonNode element : RequestJson.tree(bytes(body), Problem.MALFORMED_ENVELOPE, "batch body").values()) {
            strict.add(Envelope.parseTree(element).envelope());
        }
        assertEquals(strict, read);
        assertEquals(List.of(Envelope.parse(bytes(entry(0, GATEWAY)))), CanonicalBatch.read(bytes("[" + entry(0, GATEWAY) + "]")));
    }

    @Test
    void anythingElse_isLeftToTheStrictParse() throws Exception {
        String a = entry(0, GATEWAY);
        String b = entry(1, GATEWAY, COSIGNER);
        for (String body : List.of("[]", "[" + a + "]]", "[" + a + ",]", "[" + a + ", " + b + "]", " [" + a + "]",
                "[" + a + "] ", "[" + a + b + "]", "[[" + a + "]]", "[" + a.replace("\",\"", "\", \"") + "]",
                "[" + a.replace("{\"payload\"", "{\"payload\" ") + "]", "[" + a.substring(0, a.length() - 1) + "]",
                "{" + a + "}", "[" + a + ",42]", "[42," + a + "]", "[" + a.replace("{\"keyid", "{\"keyid\":\"x\",\"keyid") + "]")) {
            assertNull(CanonicalBatch.read(bytes(body)), body);
        }
    }

    @Test
    void anElementOverTheEntryLimit_isLeftToTheStrictParse() throws Exception {
        String a = entry(0, GATEWAY);
        String big = a.replace("{\"payload\":\"", "{\"payload\":\"" + "AAAA".repeat(16_400));
        assertNull(CanonicalBatch.read(bytes("[" + big + "]")));
    }
}
