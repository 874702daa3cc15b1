package org.cbamledger.connector.journal;

/**
 * One journalled batch: the device sequence number, the signed envelope exactly as it will be sent,
 * and opaque metadata the writer wants back after a restart (the meter state).
 */
public record JournalRecord(long sequence, byte[] envelope, byte[] metadata) {
    public JournalRecord {
        envelope = envelope.clone();
        metadata = metadata.clone();
    }

    @Override
    public byte[] envelope() {
        return envelope.clone();
    }

    @Override
    public byte[] metadata() {
        return metadata.clone();
    }
}
