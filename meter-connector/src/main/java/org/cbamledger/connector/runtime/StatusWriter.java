package org.cbamledger.connector.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.cbamledger.connector.forward.Forwarder;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes {@code status.json} beside the journal: what an operator or monitoring agent looks at. */
public final class StatusWriter {
    public static final String FILE = "status.json";
    private static final ObjectMapper JSON = JsonMappers.PLAIN;

    private final Journal journal;
    private final Forwarder forwarder;

    public StatusWriter(Journal journal, Forwarder forwarder) {
        this.journal = journal;
        this.forwarder = forwarder;
    }

    public ObjectNode status(Instant now) {
        ObjectNode node = JSON.createObjectNode();
        node.put("updatedAt", now.toString());
        node.put("journalBytes", journal.usedBytes());
        node.put("diskBoundBytes", journal.boundBytes());
        node.put("diskUsedPercent", Math.round(1000.0 * journal.usedBytes() / journal.boundBytes()) / 10.0);
        node.put("diskAlarm", journal.diskAlarm());
        node.put("lastSequence", journal.lastSequence());
        node.put("acknowledgedThrough", journal.acknowledgedThrough());
        node.put("pendingBatches", journal.pendingBatches());
        node.put("accepted", forwarder.accepted());
        node.put("replayed", forwarder.replayed());
        node.put("rejected", forwarder.rejected());
        node.put("lastForwardError", forwarder.lastError());
        return node;
    }

    public void write(Instant now) throws IOException {
        Path file = journal.dir().resolve(FILE);
        Path temp = file.resolveSibling(FILE + ".tmp");
        Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(status(now)));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
