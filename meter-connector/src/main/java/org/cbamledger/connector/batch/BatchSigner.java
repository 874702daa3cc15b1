package org.cbamledger.connector.batch;

import org.cbamledger.signer.Envelope;
import org.cbamledger.spec.RecordValidationException;
import org.cbamledger.spec.RecordValidator;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;

/** Signs batches at the edge with the device's Ed25519 key. */
public final class BatchSigner {
    private final SigningKey deviceKey;

    public BatchSigner(SigningKey deviceKey) {
        this.deviceKey = deviceKey;
    }

    /**
     * Validates the record as the ledger will (api-spec schema and rules), then returns the
     * envelope's canonical bytes: exactly what is journalled and sent.
     */
    public byte[] sign(MeterReadingBatch batch) throws SignerException, RecordValidationException {
        RecordValidator.validate(batch.toJson());
        return Envelope.sign(MeterReadingBatch.KIND, batch.toJsonBytes(), deviceKey).canonicalBytes();
    }

    public String keyId() {
        return deviceKey.keyId();
    }
}
