package org.cbamledger.connector.imports;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.connector.batch.BatchColumns;
import org.cbamledger.connector.batch.BatchSigner;
import org.cbamledger.connector.batch.MeterReadingBatch;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.connector.journal.JournalException;
import org.cbamledger.connector.journal.JournalFullException;
import org.cbamledger.connector.reading.IntervalReading;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.RecordValidationException;

/**
 * Signs validated readings as batches and journals them all or none: every envelope is built and
 * the journal's free space checked before the first append. A batch holds at most {@code readingsPerBatch}
 * readings and ends where the next reading does not continue its columns ({@link BatchColumns#split}).
 */
public final class ReadingsImporter {
    private final Journal journal;
    private final BatchSigner signer;
    private final String deviceId;

    public ReadingsImporter(Journal journal, BatchSigner signer, String deviceId) {
        this.journal = journal;
        this.signer = signer;
        this.deviceId = deviceId;
    }

    /** @return the sequence numbers journalled */
    public List<Long> importAll(String meterId, List<IntervalReading> readings, int readingsPerBatch)
            throws JournalException, SignerException, RecordValidationException {
        List<byte[]> envelopes = new ArrayList<>();
        long first = journal.nextSequence();
        long bytes = 0;
        for (List<IntervalReading> part : BatchColumns.split(readings, readingsPerBatch)) {
            byte[] envelope = signer.sign(new MeterReadingBatch(meterId, deviceId, first - 1 + envelopes.size(), part));
            envelopes.add(envelope);
            bytes += Journal.recordBytes(envelope.length, 0);
        }
        if (bytes > journal.freeBytes()) {
            throw new JournalFullException("import needs " + bytes + " bytes but the journal has " + journal.freeBytes()
                    + " free; nothing imported");
        }
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) {
            journal.append(first + i, envelopes.get(i), new byte[0]);
            sequences.add(first + i);
        }
        return sequences;
    }
}
