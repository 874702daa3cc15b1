package org.cbamledger.connector.batch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.cbamledger.spec.RecordValidationException;
import org.cbamledger.spec.RecordValidator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The key-registration record (CONTRACTS.md) that lets a gateway's device key sign
 * meter-reading-batch records in the operator's log. The operator signs it with the root key.
 */
public final class DeviceKeyRegistration {
    private DeviceKeyRegistration() {}

    public static ObjectNode record(SigningKey deviceKey, String party, Instant validFrom)
            throws RecordValidationException {
        ObjectNode registration = JsonMappers.PLAIN.createObjectNode();
        registration.put("kind", Kinds.KEY_REGISTRATION);
        registration.put("keyId", deviceKey.keyId());
        registration.put("algorithm", deviceKey.algorithm().wireName());
        registration.put("publicKey", deviceKey.publicKey().spkiBase64());
        registration.put("party", party);
        registration.put("role", "device");
        registration.putArray("allowedKinds").add(MeterReadingBatch.KIND);
        registration.put("validFrom", validFrom.truncatedTo(ChronoUnit.SECONDS).toString());
        registration.putNull("validUntil");
        RecordValidator.validate(registration);
        return registration;
    }

    /** The registration signed by the operator's root key: the envelope to submit to the log. */
    public static byte[] signedByRoot(SigningKey deviceKey, String party, Instant validFrom, SigningKey rootKey)
            throws RecordValidationException, SignerException {
        byte[] record = record(deviceKey, party, validFrom).toString().getBytes(StandardCharsets.UTF_8);
        return Envelope.sign(Kinds.KEY_REGISTRATION, record, rootKey).canonicalBytes();
    }
}
