package org.cbamledger.service.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.allocation.Allocator;
import org.cbamledger.calculation.electricity.ElectricityLedger;
import org.cbamledger.calculation.gaps.GapReport;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.signer.Sha256;

/**
 * The exact identity of what a view is computed from: SHA-256 over the view's format, the calculation's method
 * versions and the code that renders it, the log, every entry shown as its leaf index and leaf hash in index order, and every statement shown as
 * its id and the SHA-256 of its stored payload, each field length-prefixed. One entry more or fewer, another entry at
 * an index, another log or another statement gives another digest; the figures of a view stored under a digest are
 * therefore those a calculation over exactly its entries gives.
 */
record ViewDigest(byte[] sha256) {
    /**
     * The view's format, the calculation's method versions and the digest of the compiled code that makes the page
     * and its figures ({@link RenderingCode}): another build's stored views are never served.
     */
    static final String FORMAT = "cbam-ledger-web-view/1 " + EmissionsCalculator.METHOD_VERSION + " "
            + ElectricityLedger.METHOD_VERSION + " " + Allocator.METHOD_VERSION + " " + CalculationResult.FORMAT + " "
            + GapReport.FORMAT + " " + RenderingCode.digest();
    private static final int LEAF_HASH_BYTES = 32;

    /** One entry of the view: its leaf index and leaf hash. */
    record Leaf(long index, byte[] leafHash) {}

    static ViewDigest of(String logId, List<Leaf> entries, List<StoredStatement> statements) {
        MessageDigest digest = Sha256.newDigest();
        text(digest, FORMAT);
        text(digest, logId);
        number(digest, entries.size());
        long previous = -1;
        for (Leaf leaf : entries) {
            if (leaf.index() <= previous || leaf.leafHash().length != LEAF_HASH_BYTES) {
                throw new IllegalArgumentException("entries must ascend by leaf index, each with a 32-byte leaf hash");
            }
            previous = leaf.index();
            number(digest, leaf.index());
            digest.update(leaf.leafHash());
        }
        number(digest, statements.size());
        for (StoredStatement statement : statements) {
            text(digest, statement.statementId());
            digest.update(Sha256.digest(statement.statementJson()));
        }
        return new ViewDigest(digest.digest());
    }

    String hex() {
        return HexFormat.of().formatHex(sha256);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ViewDigest d && MessageDigest.isEqual(sha256, d.sha256);
    }

    @Override
    public int hashCode() {
        return ByteBuffer.wrap(sha256).getInt();
    }

    @Override
    public String toString() {
        return hex();
    }

    private static void text(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        number(digest, bytes.length);
        digest.update(bytes);
    }

    private static void number(MessageDigest digest, long value) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }
}
