package org.cbamledger.service.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.Test;

/** The one light open of a stored envelope that the web view, the entry index and a room's walk share. */
class OpenedEnvelopeTest {
    private static StoredEntry stored(byte[] envelope) {
        return new StoredEntry(7, new byte[32], Kinds.METER_READING_BATCH, envelope);
    }

    @Test
    void of_aStoredEnvelope_givesThePayloadTheStrictParseGives_andEverySignersKeyId() throws Exception {
        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey cosigner = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
        byte[] envelope = TestLog.sign(Kinds.METER_READING_BATCH,
                TestLog.meterBatch("M-1", "gw-1", 3, Instant.parse("2026-03-01T00:00:00Z"), 2), gateway, cosigner);

        OpenedEnvelope opened = OpenedEnvelope.of(stored(envelope));

        Envelope parsed = Envelope.parse(envelope);
        assertArrayEquals(parsed.payload(), opened.payload());
        assertEquals(parsed.signatures().stream().map(DsseSignature::keyId).toList(), opened.signerKeyIds());
        assertEquals(Set.of(gateway.keyId(), cosigner.keyId()), Set.copyOf(opened.signerKeyIds()));
    }

    @Test
    void of_bytesThatAreNoEnvelope_isIllegalArgument() {
        assertThrows(IllegalArgumentException.class,
                () -> OpenedEnvelope.of(stored("{\"payload\":".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IllegalArgumentException.class,
                () -> OpenedEnvelope.of(stored("{\"payload\":\"not base64!\"}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void of_anEnvelopeNotInItsCanonicalForm_givesWhatItsCanonicalFormGives() throws Exception {
        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        byte[] envelope = TestLog.sign(Kinds.METER_READING_BATCH,
                TestLog.meterBatch("M-1", "gw-1", 3, Instant.parse("2026-03-01T00:00:00Z"), 2), gateway);
        byte[] spaced = new String(envelope, StandardCharsets.US_ASCII).replace("\",\"", "\", \"")
                .getBytes(StandardCharsets.US_ASCII);

        OpenedEnvelope canonical = OpenedEnvelope.of(stored(envelope));
        OpenedEnvelope other = OpenedEnvelope.of(stored(spaced));

        assertArrayEquals(canonical.payload(), other.payload());
        assertEquals(List.of(gateway.keyId()), canonical.signerKeyIds());
        assertEquals(canonical.signerKeyIds(), other.signerKeyIds());
    }
}
