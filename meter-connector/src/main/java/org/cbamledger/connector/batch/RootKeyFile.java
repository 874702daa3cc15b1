package org.cbamledger.connector.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The operator's root key as an operator has it at hand: the {@code POST /logs} answer saved as it
 * came (its {@code rootPrivateKeyPkcs8} member, CONTRACTS.md), or a PKCS#8 PEM file.
 */
public final class RootKeyFile {
    private static final String MEMBER = "rootPrivateKeyPkcs8";

    private RootKeyFile() {}

    public static SigningKey read(Path file) throws SignerException, IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.startsWith("-----BEGIN")) {
            return SigningKey.readPem(file);
        }
        JsonNode answer;
        try {
            answer = JsonMappers.PLAIN.readTree(text);
        } catch (JacksonException e) {
            throw new SignerException(file + " is neither a PKCS#8 PEM nor the JSON answer of POST /logs");
        }
        if (answer == null || !answer.path(MEMBER).isString()) {
            throw new SignerException(file + " has no member " + MEMBER + " (the ledger returns it only when it"
                    + " generated the root key, once, in the answer of POST /logs)");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(answer.get(MEMBER).asString());
        } catch (IllegalArgumentException e) {
            throw new SignerException(file + ": " + MEMBER + " is not standard base64");
        }
        return SigningKey.fromPkcs8(KeyAlgorithm.ED25519, der);
    }
}
