package org.cbamledger.verifier.bundle;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The file names of the evidence bundle layout (api-spec/BUNDLE.md), relative to the bundle root, '/'-separated. */
public final class BundlePaths {
    public static final String MANIFEST = "bundle.json";
    public static final String LOG_KEY = "log-key.vkey";
    public static final String FORMAT = "cbam-ledger-bundle/v1";
    /** Packed entries and hash tiles instead of a file and an inclusion proof per entry (BUNDLE.md, v2). */
    public static final String FORMAT_V2 = "cbam-ledger-bundle/v2";

    private static final String NUMBER = "(0|[1-9][0-9]{0,18})";
    private static final Pattern PACK = Pattern.compile("entries/" + NUMBER + "\\.pack");
    private static final Pattern CONSISTENCY = Pattern.compile("consistency/" + NUMBER + "-" + NUMBER + "\\.proof");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern LOG_ID = Pattern.compile("[a-z0-9-]{3,64}");
    private static final Pattern STATEMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private BundlePaths() {}

    public static String entryFile(long index) {
        return "entries/" + index + ".json";
    }

    /** A v2 bundle's n'th packed entries file. */
    public static String packFile(long n) {
        return "entries/" + n + ".pack";
    }

    /** How a v2 bundle's checks name an entry: its pack and leaf index, {@code entries/0.pack#17}. */
    public static String packedEntry(String packFile, long index) {
        return packFile + "#" + index;
    }

    /** How a v2 bundle's checks name a leaf that no pack holds: {@code entries#17}. */
    public static String unpackedLeaf(long index) {
        return "entries#" + index;
    }

    public static boolean isPackFile(String file) {
        return PACK.matcher(file).matches();
    }

    public static String proofFile(long index) {
        return "proofs/" + index + ".tlog-proof";
    }

    public static String checkpointFile(long size) {
        return "checkpoints/" + size + ".note";
    }

    public static String consistencyFile(long fromSize, long toSize) {
        return "consistency/" + fromSize + "-" + toSize + ".proof";
    }

    /** The RFC 3161 time-stamp token (DER) over checkpoint {@code size}'s note text. */
    public static String timestampFile(long size) {
        return "timestamps/" + size + ".tsr";
    }

    /** A room bundle's map proof of one index key, named by the lowercase hex map key (BUNDLE.md, index/). */
    public static String indexProofFile(String mapKeyHex) {
        return "index/" + mapKeyHex + ".json";
    }

    public static String documentFile(String sha256Hex) {
        return "documents/" + sha256Hex;
    }

    /** The (from, to) sizes of a consistency proof file name, if the name has that form. */
    public static Optional<long[]> parseConsistencyFile(String file) {
        Matcher m = CONSISTENCY.matcher(file);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    public static boolean isSha256Hex(String s) {
        return s != null && SHA256_HEX.matcher(s).matches();
    }

    public static boolean isLogId(String s) {
        return s != null && LOG_ID.matcher(s).matches();
    }

    public static String originFor(String logId) {
        return "cbam-ledger/" + logId;
    }

    /** The statement's compact JWS beside it: {@code statement.json} -> {@code statement.jws}. */
    public static String statementJwsFile(String statementFile) {
        return statementStem(statementFile) + ".jws";
    }

    /** The statement's optional PDF for people beside it: {@code statement.json} -> {@code statement.pdf}. */
    public static String statementPdfFile(String statementFile) {
        return statementStem(statementFile) + ".pdf";
    }

    /** The statement's optional communication template workbook: {@code statement.json} -> {@code statement.xlsx}. */
    public static String statementWorkbookFile(String statementFile) {
        return statementStem(statementFile) + ".xlsx";
    }

    private static String statementStem(String statementFile) {
        return statementFile.endsWith(".json") ? statementFile.substring(0, statementFile.length() - 5) : statementFile;
    }

    /** A statement sits at the bundle root under a plain name that is none of the layout's own names. */
    public static boolean isStatementName(String s) {
        return s != null && STATEMENT_NAME.matcher(s).matches() && !s.equals(MANIFEST) && !s.equals(LOG_KEY);
    }
}
