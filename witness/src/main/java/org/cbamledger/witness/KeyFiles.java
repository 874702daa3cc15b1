package org.cbamledger.witness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;

/** A private key kept in a PKCS#8 PEM file, created on first use. */
final class KeyFiles {
    private KeyFiles() {}

    static SigningKey loadOrCreateEd25519(Path file) throws IOException {
        if (Files.exists(file)) {
            try {
                return SigningKey.readPem(file);
            } catch (SignerException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        key.writePem(file);
        return key;
    }
}
