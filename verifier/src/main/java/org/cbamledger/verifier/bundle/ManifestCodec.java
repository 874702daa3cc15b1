package org.cbamledger.verifier.bundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.SignerException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * bundle.json: RFC 8785 canonical JSON followed by one '\n', written so and read only in exactly that form
 * and shape (api-spec/BUNDLE.md).
 */
public final class ManifestCodec {
    private static final JsonMapper JSON = JsonMappers.NO_DUPLICATE_KEYS;
    private static final Set<String> TOP_MEMBERS = Set.of(
            "format", "logId", "origin", "treeSize", "entries", "checkpoints", "documents", "statement");
    /** v2 lists its packed entries files instead of every entry (BUNDLE.md, v2). */
    private static final Set<String> TOP_MEMBERS_V2 = Set.of(
            "format", "logId", "origin", "treeSize", "packs", "checkpoints", "documents", "statement");
    private static final Set<String> PACK_MEMBERS = Set.of("file", "entries");
    /** Members a bundle may omit: {@code timestamps} is present only when not empty; a bundle without
     * {@code coverage} was written before coverage (BUNDLE.md). */
    private static final String TIMESTAMPS = "timestamps";
    private static final Set<String> OPTIONAL_MEMBERS = Set.of(TIMESTAMPS, "coverage");
    private static final Set<String> ENTRY_MEMBERS = Set.of("index", "leafHash", "file");
    private static final Set<String> DOCUMENT_MEMBERS = Set.of("sha256", "file", "erased");
    private static final String M = BundlePaths.MANIFEST + ": ";

    private ManifestCodec() {}

    public static byte[] write(BundleManifest manifest) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", manifest.format());
        root.put("logId", manifest.logId());
        root.put("origin", manifest.origin());
        root.put("treeSize", manifest.treeSize());
        if (manifest.isV2()) {
            ArrayNode packs = root.putArray("packs");
            manifest.packs().forEach(p -> packs.addObject().put("file", p.file()).put("entries", p.entries()));
        } else {
            ArrayNode entries = root.putArray("entries");
            for (ManifestEntry e : manifest.entries()) {
                entries.addObject().put("index", e.index()).put("leafHash", e.leafHashHex()).put("file", e.file());
            }
        }
        ArrayNode checkpoints = root.putArray("checkpoints");
        manifest.checkpointSizes().forEach(checkpoints::add);
        ArrayNode documents = root.putArray("documents");
        for (ManifestDocument d : manifest.documents()) {
            ObjectNode doc = documents.addObject().put("sha256", d.sha256Hex()).put("erased", d.erased());
            if (d.file() == null) {
                doc.putNull("file");
            } else {
                doc.put("file", d.file());
            }
        }
        if (!manifest.timestampSizes().isEmpty()) {
            ArrayNode timestamps = root.putArray(TIMESTAMPS);
            manifest.timestampSizes().forEach(timestamps::add);
        }
        if (manifest.statementFile() == null) {
            root.putNull("statement");
        } else {
            root.put("statement", manifest.statementFile());
        }
        if (manifest.coverage() != null) {
            CoverageCodec.write(manifest.coverage(), root.putObject("coverage"));
        }
        try {
            byte[] canonical = CanonicalJson.canonicalize(root);
            byte[] file = Arrays.copyOf(canonical, canonical.length + 1);
            file[canonical.length] = '\n';
            return file;
        } catch (SignerException e) {
            throw new IllegalStateException("manifest cannot be canonicalized: " + e.getMessage(), e);
        }
    }

    public static BundleManifest parse(byte[] file) throws BundleException {
        if (file.length == 0 || file[file.length - 1] != '\n') {
            throw new BundleException(M + "does not end with a newline");
        }
        byte[] json = Arrays.copyOf(file, file.length - 1);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new BundleException(M + "not valid JSON: " + e.getOriginalMessage());
        }
        try {
            if (!Arrays.equals(json, CanonicalJson.canonicalize(json))) {
                throw new BundleException(M + "not RFC 8785 canonical JSON");
            }
        } catch (SignerException e) {
            throw new BundleException(M + "not RFC 8785 canonical JSON: " + e.getMessage());
        }
        if (!root.isObject()) {
            throw new BundleException(M + "the manifest is not an object");
        }
        JsonNode formatNode = root.path("format");
        String format = formatNode.isString() ? formatNode.stringValue() : "";
        boolean v2 = BundlePaths.FORMAT_V2.equals(format);
        if (!v2 && !BundlePaths.FORMAT.equals(format)) {
            throw new BundleException(M + "format is not " + BundlePaths.FORMAT + " nor " + BundlePaths.FORMAT_V2);
        }
        requireTopMembers(root, v2 ? TOP_MEMBERS_V2 : TOP_MEMBERS);
        String logId = text(root, "logId");
        if (!BundlePaths.isLogId(logId)) {
            throw new BundleException(M + "logId is not [a-z0-9-]{3,64}");
        }
        String origin = text(root, "origin");
        if (!BundlePaths.originFor(logId).equals(origin)) {
            throw new BundleException(M + "origin is not " + BundlePaths.originFor(logId));
        }
        long treeSize = number(root.get("treeSize"), "treeSize");
        List<ManifestEntry> entries = v2 ? List.of() : parseEntries(root.get("entries"));
        List<ManifestPack> packs = v2 ? parsePacks(root.get("packs")) : List.of();
        List<Long> checkpoints = parseCheckpoints(root.get("checkpoints"));
        if (checkpoints.getLast() != treeSize) {
            throw new BundleException(M + "treeSize " + treeSize + " is not the largest checkpoint size "
                    + checkpoints.getLast());
        }
        List<ManifestDocument> documents = parseDocuments(root.get("documents"));
        JsonNode statement = root.get("statement");
        String statementFile = null;
        if (!statement.isNull()) {
            statementFile = statement.isString() ? statement.stringValue() : null;
            if (!BundlePaths.isStatementName(statementFile)) {
                throw new BundleException(M + "statement is neither null nor a plain file name");
            }
        }
        List<Long> timestamps = root.has(TIMESTAMPS) ? parseTimestamps(root.get(TIMESTAMPS), checkpoints) : List.of();
        Coverage coverage = root.has("coverage") ? CoverageCodec.parse(root.get("coverage"), treeSize) : null;
        return new BundleManifest(logId, origin, treeSize, entries, checkpoints, documents, statementFile, timestamps,
                coverage, format, packs);
    }

    private static List<ManifestPack> parsePacks(JsonNode node) throws BundleException {
        if (!node.isArray()) {
            throw new BundleException(M + "packs is not an array");
        }
        List<ManifestPack> packs = new ArrayList<>();
        for (JsonNode p : node.values()) {
            String where = "packs[" + packs.size() + "]";
            requireMembers(p, PACK_MEMBERS, where);
            String file = text(p, "file");
            if (!BundlePaths.packFile(packs.size()).equals(file)) {
                throw new BundleException(M + where + " file is not " + BundlePaths.packFile(packs.size()));
            }
            long count = number(p.get("entries"), where + ".entries");
            if (count == 0) {
                throw new BundleException(M + where + " holds no entries");
            }
            packs.add(new ManifestPack(file, count));
        }
        return packs;
    }


    private static List<Long> parseTimestamps(JsonNode node, List<Long> checkpoints) throws BundleException {
        if (!node.isArray() || node.isEmpty()) {
            throw new BundleException(M + "timestamps is not a non-empty array");
        }
        List<Long> sizes = new ArrayList<>();
        long previous = 0;
        for (JsonNode s : node.values()) {
            long size = number(s, "timestamps[" + sizes.size() + "]");
            if (size <= previous || !checkpoints.contains(size)) {
                throw new BundleException(M + "timestamps are not bundled checkpoint sizes in ascending order");
            }
            sizes.add(size);
            previous = size;
        }
        return sizes;
    }

    private static List<ManifestEntry> parseEntries(JsonNode node) throws BundleException {
        if (!node.isArray()) {
            throw new BundleException(M + "entries is not an array");
        }
        List<ManifestEntry> entries = new ArrayList<>();
        long previous = -1;
        for (JsonNode e : node.values()) {
            requireMembers(e, ENTRY_MEMBERS, "entries[" + entries.size() + "]");
            long index = number(e.get("index"), "entries[" + entries.size() + "].index");
            String where = "entries[" + entries.size() + "] (index " + index + ")";
            if (index <= previous) {
                throw new BundleException(M + where + " is out of ascending order");
            }
            String leafHash = text(e, "leafHash");
            if (!BundlePaths.isSha256Hex(leafHash)) {
                throw new BundleException(M + where + " leafHash is not 64 lowercase hex digits");
            }
            if (!BundlePaths.entryFile(index).equals(text(e, "file"))) {
                throw new BundleException(M + where + " file is not " + BundlePaths.entryFile(index));
            }
            entries.add(new ManifestEntry(index, leafHash, BundlePaths.entryFile(index)));
            previous = index;
        }
        return entries;
    }

    private static List<Long> parseCheckpoints(JsonNode node) throws BundleException {
        if (!node.isArray() || node.isEmpty()) {
            throw new BundleException(M + "checkpoints is not a non-empty array");
        }
        List<Long> sizes = new ArrayList<>();
        long previous = 0;
        for (JsonNode s : node.values()) {
            long size = number(s, "checkpoints[" + sizes.size() + "]");
            if (size <= previous) {
                throw new BundleException(M + "checkpoints are not positive sizes in ascending order");
            }
            sizes.add(size);
            previous = size;
        }
        return sizes;
    }

    private static List<ManifestDocument> parseDocuments(JsonNode node) throws BundleException {
        if (!node.isArray()) {
            throw new BundleException(M + "documents is not an array");
        }
        List<ManifestDocument> documents = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        String previous = "";
        for (JsonNode d : node.values()) {
            String where = "documents[" + documents.size() + "]";
            requireMembers(d, DOCUMENT_MEMBERS, where);
            String sha = text(d, "sha256");
            if (!BundlePaths.isSha256Hex(sha)) {
                throw new BundleException(M + where + " sha256 is not 64 lowercase hex digits");
            }
            if (sha.compareTo(previous) <= 0 || !seen.add(sha)) {
                throw new BundleException(M + where + " is out of ascending sha256 order");
            }
            JsonNode erased = d.get("erased");
            if (!erased.isBoolean()) {
                throw new BundleException(M + where + " erased is not a boolean");
            }
            JsonNode file = d.get("file");
            if (erased.booleanValue()) {
                if (!file.isNull()) {
                    throw new BundleException(M + where + " is erased but names a file");
                }
                documents.add(new ManifestDocument(sha, null, true));
            } else {
                if (!file.isString() || !BundlePaths.documentFile(sha).equals(file.stringValue())) {
                    throw new BundleException(M + where + " file is not " + BundlePaths.documentFile(sha));
                }
                documents.add(new ManifestDocument(sha, BundlePaths.documentFile(sha), false));
            }
            previous = sha;
        }
        return documents;
    }

    private static void requireTopMembers(JsonNode root, Set<String> expected) throws BundleException {
        Set<String> actual = new TreeSet<>(root.propertyNames());
        actual.removeAll(OPTIONAL_MEMBERS);
        if (!actual.equals(new TreeSet<>(expected))) {
            throw new BundleException(M + "the manifest has members " + new TreeSet<>(root.propertyNames())
                    + ", expected " + new TreeSet<>(expected) + " and optionally " + new TreeSet<>(OPTIONAL_MEMBERS));
        }
    }

    private static void requireMembers(JsonNode node, Set<String> expected, String what) throws BundleException {
        if (!node.isObject()) {
            throw new BundleException(M + what + " is not an object");
        }
        Set<String> actual = new TreeSet<>(node.propertyNames());
        if (!actual.equals(new TreeSet<>(expected))) {
            throw new BundleException(M + what + " has members " + actual + ", expected " + new TreeSet<>(expected));
        }
    }

    private static String text(JsonNode node, String member) throws BundleException {
        JsonNode value = node.get(member);
        if (!value.isString()) {
            throw new BundleException(M + member + " is not a string");
        }
        return value.stringValue();
    }

    private static long number(JsonNode value, String what) throws BundleException {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new BundleException(M + what + " is not a non-negative integer");
        }
        return value.longValue();
    }
}
