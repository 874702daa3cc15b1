package org.cbamledger.connector.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.connector.journal.JournalException;
import org.cbamledger.connector.journal.JournalRecord;
import org.cbamledger.connector.reading.MeterState;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Per-meter aggregator state across restarts. The state file is rewritten atomically after each
 * journal append; a crash between the two is repaired on start by replaying the state journalled
 * beside each batch in the newest segment, so no interval is emitted twice or skipped.
 */
final class MeterStateStore {
    static final String FILE = "meter-state.json";
    private static final ObjectMapper JSON = JsonMappers.PLAIN;

    private final Path file;

    MeterStateStore(Path journalDir) {
        this.file = journalDir.resolve(FILE);
    }

    Map<String, MeterState> load(Journal journal) throws JournalException {
        Map<String, MeterState> states = new HashMap<>();
        try {
            if (Files.exists(file)) {
                JsonNode root = JSON.readTree(Files.readAllBytes(file));
                for (String meterId : root.propertyNames()) {
                    states.put(meterId, MeterStateCodec.fromJson(root.get(meterId)));
                }
            }
        } catch (IOException | JacksonException e) {
            throw new JournalException("meter state " + file + " cannot be read: " + e, e);
        }
        for (JournalRecord record : journal.newestSegmentRecords()) {
            if (record.metadata().length == 0) {
                continue;
            }
            MeterState journalled = MeterStateCodec.fromBytes(record.metadata());
            MeterState known = states.get(journalled.meterId());
            if (known == null || known.emittedUntil() == null
                    || journalled.emittedUntil() != null && journalled.emittedUntil().isAfter(known.emittedUntil())) {
                states.put(journalled.meterId(), journalled);
            }
        }
        return states;
    }

    void save(Map<String, MeterState> states) throws JournalException {
        ObjectNode root = JSON.createObjectNode();
        states.keySet().stream().sorted().forEach(id -> root.set(id, MeterStateCodec.toJson(states.get(id))));
        Path temp = file.resolveSibling(FILE + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(root)));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new JournalException("meter state " + file + " cannot be written: " + e, e);
        }
    }
}
