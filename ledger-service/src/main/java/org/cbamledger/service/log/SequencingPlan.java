package org.cbamledger.service.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.DeviceBatch;
import org.cbamledger.service.store.DeviceStore;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.store.KeyRegistration;
import org.cbamledger.service.store.KeyRevocation;
import org.cbamledger.service.store.KeyStore;
import org.cbamledger.service.store.LogStore;
import org.cbamledger.service.store.StoredEntry;

/**
 * What one sequencing transaction will write: indexes for new entries, their device numbering and key
 * changes. Each group is checked against the log as stored (read once per batch, see {@link StoredState})
 * plus the groups accepted before it in the same batch, and either joins the plan whole or not at all.
 */
final class SequencingPlan {
    /** What the log already holds of the leaves, keys and device batches a batch touches. */
    record StoredState(Map<String, Long> leaves, Map<String, Instant> keyRevocations, Map<DeviceBatch, Long> devices) {}

    private record KeyChange(long index, KeyRegistration registration, KeyRevocation revocation) {}

    private final String logId;
    private final Instant now;
    private final StoredState stored;
    private long nextIndex;

    private final Map<String, Long> plannedLeaves = new HashMap<>();
    private final List<StoredEntry> entries = new ArrayList<>();
    private final Map<DeviceBatch, StoredEntry> devices = new LinkedHashMap<>();
    private final Map<String, Long> registered = new HashMap<>();
    private final Map<String, Instant> revoked = new HashMap<>();
    private final List<KeyChange> keyChanges = new ArrayList<>();

    SequencingPlan(String logId, Instant now, long size, StoredState stored) {
        this.logId = logId;
        this.now = now;
        this.nextIndex = size;
        this.stored = stored;
    }

    /** The index the next planned entry gets. */
    long nextIndex() {
        return nextIndex;
    }

    /** Plans the group; on failure nothing of it is planned. */
    List<Receipt> add(List<Submission> group) throws LedgerException {
        long index = nextIndex;
        Map<String, Long> leaves = new HashMap<>();
        Map<DeviceBatch, StoredEntry> groupDevices = new HashMap<>();
        Map<String, Long> groupRegistered = new HashMap<>();
        Map<String, Instant> groupRevoked = new HashMap<>();
        List<KeyChange> groupChanges = new ArrayList<>();
        List<StoredEntry> groupEntries = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        Map<DeviceBatch, Integer> groupPositions = new HashMap<>();
        int position = -1;
        for (Submission s : group) {
            position++;
            String hex = s.leafHashHex();
            Long existing = firstNonNull(stored.leaves().get(hex), plannedLeaves.get(hex), leaves.get(hex));
            if (existing != null) {
                receipts.add(new Receipt(logId, existing, s.leafHash(), false));
                continue;
            }
            for (String keyId : s.signingKeyIds()) {
                if (revokedNow(keyId, groupRevoked)) {
                    throw new LedgerException(Problem.REVOKED_KEY, "key " + keyId + " is revoked");
                }
            }
            StoredEntry entry = new StoredEntry(index, s.leafHash(), s.kind(), s.canonicalBytes());
            if (s.deviceBatch() != null) {
                DeviceBatch d = s.deviceBatch();
                if (groupPositions.containsKey(d)) {
                    // the group is refused whole: the earlier one never gets a leaf, so name where it sits
                    throw new LedgerException(Problem.DEVICE_SEQUENCE_CONFLICT, "device " + d.deviceId()
                            + " batch sequence " + d.sequence() + " appears twice in the submitted batch, at positions "
                            + groupPositions.get(d) + " and " + position + " (from 0)");
                }
                groupPositions.put(d, position);
                StoredEntry planned = devices.get(d);
                Long first = planned != null ? Long.valueOf(planned.index()) : stored.devices().get(d);
                if (first != null) {
                    throw new LedgerException(Problem.DEVICE_SEQUENCE_CONFLICT, "device " + d.deviceId()
                            + " batch sequence " + d.sequence() + " is already in leaf " + first);
                }
                groupDevices.put(d, entry);
            }
            if (s.registration() != null) {
                String keyId = s.registration().keyId();
                if (isRegistered(keyId) || groupRegistered.containsKey(keyId)) {
                    throw new LedgerException(Problem.KEY_ALREADY_REGISTERED, "key " + keyId + " is already registered in log " + logId);
                }
                groupRegistered.put(keyId, index);
                groupChanges.add(new KeyChange(index, s.registration(), null));
            }
            if (s.revocation() != null) {
                String keyId = s.revocation().keyId();
                if (!isRegistered(keyId) && !groupRegistered.containsKey(keyId)) {
                    throw new LedgerException(Problem.UNKNOWN_KEY, "revoked key " + keyId + " is not registered in log " + logId);
                }
                groupRevoked.merge(keyId, s.revocation().revokedAt(), (a, b) -> a.isBefore(b) ? a : b);
                groupChanges.add(new KeyChange(index, null, s.revocation()));
            }
            leaves.put(hex, index);
            groupEntries.add(entry);
            receipts.add(new Receipt(logId, index, s.leafHash(), true));
            index++;
        }
        plannedLeaves.putAll(leaves);
        devices.putAll(groupDevices);
        registered.putAll(groupRegistered);
        groupRevoked.forEach((k, at) -> revoked.merge(k, at, (a, b) -> a.isBefore(b) ? a : b));
        keyChanges.addAll(groupChanges);
        entries.addAll(groupEntries);
        nextIndex = index;
        return receipts;
    }

    private boolean isRegistered(String keyId) {
        return stored.keyRevocations().containsKey(keyId) || registered.containsKey(keyId);
    }

    private boolean revokedNow(String keyId, Map<String, Instant> groupRevoked) {
        for (Instant at : new Instant[] {stored.keyRevocations().get(keyId), revoked.get(keyId), groupRevoked.get(keyId)}) {
            if (at != null && !at.isAfter(now)) {
                return true;
            }
        }
        return false;
    }

    void store(Connection connection) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        EntryStore.insert(connection, logId, entries);
        if (!devices.isEmpty()) {
            DeviceStore.insert(connection, logId, devices);
        }
        for (KeyChange change : keyChanges) {
            if (change.registration() != null) {
                KeyStore.insert(connection, logId, change.registration(), change.index());
            } else {
                KeyStore.revoke(connection, logId, change.revocation(), change.index());
            }
        }
        LogStore.setSequencedSize(connection, logId, nextIndex);
    }

    private static Long firstNonNull(Long a, Long b, Long c) {
        return a != null ? a : b != null ? b : c;
    }
}
