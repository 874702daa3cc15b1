package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.bundle.BundleException;
import org.cbamledger.verifier.context.LogKeys;
import org.junit.jupiter.api.Test;

class LogKeysTest {
    static final String VKEY = TestLog.logSigner("cbam-ledger/acme-alu").verifierKey();

    @Test
    void parseFile_readsOneKeyPerLine() throws Exception {
        String other = TestLog.logSigner("witness.example").verifierKey();
        List<NoteVerifier> keys = LogKeys.parseFile(VKEY + "\n" + other + "\n");
        assertEquals(List.of("cbam-ledger/acme-alu", "witness.example"), keys.stream().map(NoteVerifier::keyName).toList());
    }

    @Test
    void parseFile_rejectsAMissingFinalNewlineAndBlankLines() {
        assertEquals("no key, or the last line does not end with a newline",
                assertThrows(BundleException.class, () -> LogKeys.parseFile(VKEY)).getMessage());
        assertThrows(BundleException.class, () -> LogKeys.parseFile(VKEY + "\n\n"));
    }

    @Test
    void parse_rejectsAKeyHashThatDoesNotMatch() {
        String[] parts = VKEY.split("\\+", 3);
        String wrongHash = parts[0] + "+" + (parts[1].startsWith("0") ? "1" : "0") + parts[1].substring(1) + "+" + parts[2];
        assertEquals("vkey cbam-ledger/acme-alu: key hash " + wrongHash.split("\\+")[1] + " does not match the key",
                assertThrows(BundleException.class, () -> LogKeys.parse(wrongHash)).getMessage());
    }

    @Test
    void parse_rejectsUppercaseHex() {
        // a key hash of digits only has no upper case: take a key whose hash has a letter
        String vkey;
        do {
            vkey = new NoteSigner("cbam-ledger/acme-alu", SigningKey.generate(KeyAlgorithm.ED25519)).verifierKey();
        } while (!vkey.split("\\+", 3)[1].matches(".*[a-f].*"));
        String[] parts = vkey.split("\\+", 3);
        assertThrows(BundleException.class,
                () -> LogKeys.parse(parts[0] + "+" + parts[1].toUpperCase() + "+" + parts[2]));
    }

    @Test
    void parse_acceptsAKeyWhoseBase64HoldsAPlus() throws Exception {
        String vkey;
        do {
            vkey = new NoteSigner("cbam-ledger/acme-alu", SigningKey.generate(KeyAlgorithm.ED25519)).verifierKey();
        } while (vkey.chars().filter(c -> c == '+').count() < 3);

        assertEquals("cbam-ledger/acme-alu", LogKeys.parse(vkey).keyName());
    }
}
