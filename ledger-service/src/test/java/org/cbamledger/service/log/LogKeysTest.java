package org.cbamledger.service.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cbamledger.service.store.LogKeys;
import org.cbamledger.service.store.RotatedKey;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;

/** Which keys sign a checkpoint of a given size around log-key rotations (api-spec/POLICY.md, rotation). */
class LogKeysTest {
    private static final String ORIGIN = "cbam-ledger/rotating";
    private static final Duration OVERLAP = Duration.ofHours(1);
    private static final Instant ROTATED_AT = Instant.parse("2026-03-01T10:00:00Z");

    private final SigningKey first = SigningKey.generate(KeyAlgorithm.ED25519);
    private final SigningKey second = SigningKey.generate(KeyAlgorithm.ED25519);
    private final SigningKey third = SigningKey.generate(KeyAlgorithm.ED25519);

    private static RotatedKey rotatedTo(SigningKey key, long fromSize, Instant at) {
        return new RotatedKey(key, vkey(key), fromSize, at);
    }

    private static String vkey(SigningKey key) {
        return new NoteSigner(ORIGIN, key).verifierKey();
    }

    private static List<String> signers(LogKeys keys, long size, Instant now) {
        return keys.checkpointSigners(size, now, OVERLAP).stream().map(NoteSigner::verifierKey).toList();
    }

    private final LogKeys rotatedOnce = new LogKeys(ORIGIN, first, List.of(rotatedTo(second, 10, ROTATED_AT)));

    @Test
    void belowFromSize_theOldKeyAlone_evenDuringTheOverlap() {
        assertEquals(List.of(vkey(first)), signers(rotatedOnce, 9, ROTATED_AT.plusSeconds(1)));
    }

    @Test
    void fromFromSizeDuringTheOverlap_theOldKeyAndTheNew() {
        assertEquals(List.of(vkey(first), vkey(second)), signers(rotatedOnce, 10, ROTATED_AT.plus(OVERLAP).minusMillis(1)));
    }

    @Test
    void afterTheOverlap_theNewKeyAlone() {
        assertEquals(List.of(vkey(second)), signers(rotatedOnce, 11, ROTATED_AT.plus(OVERLAP)));
    }

    @Test
    void secondRotation_overlapsWithTheFirstsNewKey_notTheFirstKey() {
        LogKeys twice = new LogKeys(ORIGIN, first, List.of(rotatedTo(third, 20, ROTATED_AT.plusSeconds(60)),
                rotatedTo(second, 10, ROTATED_AT)));

        assertEquals(List.of(vkey(second), vkey(third)), signers(twice, 20, ROTATED_AT.plusSeconds(61)));
        assertEquals(List.of(vkey(second)), signers(twice, 19, ROTATED_AT.plus(OVERLAP)));
        assertEquals(third, twice.currentKey());
    }

    @Test
    void neverRotated_theFirstKeySignsEverything() {
        LogKeys never = new LogKeys(ORIGIN, first, List.of());

        assertEquals(List.of(vkey(first)), signers(never, 1_000_000, ROTATED_AT));
        assertEquals(first, never.currentKey());
    }
}
