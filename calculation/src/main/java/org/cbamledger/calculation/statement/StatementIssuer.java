package org.cbamledger.calculation.statement;

import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issues a statement: builds it, binds it to the checkpoint it was made under, renders its PDF and binds that by
 * hash, signs it.
 */
public final class StatementIssuer {
    private StatementIssuer() {}

    /** {@code signedCheckpoint} is the C2SP signed note of a checkpoint covering every evidence entry used. */
    public static IssuedStatement issue(CalculationResult result, StatementIssue issue, String signedCheckpoint, SigningKey operatorKey)
            throws CalculationException {
        long largestLeaf = result.usedEvidence().stream().mapToLong(u -> u.leafIndex()).max().orElse(-1);
        long treeSize = checkpointSize(signedCheckpoint);
        if (largestLeaf >= treeSize) {
            throw new CalculationException("the checkpoint of size " + treeSize + " does not cover evidence leaf " + largestLeaf);
        }
        ObjectNode statement = EmissionsStatements.build(result, issue);
        statement.put("checkpoint", signedCheckpoint);
        byte[] pdf = StatementRenderings.bindPdf(statement);
        return new IssuedStatement(statement, StatementJws.sign(statement, operatorKey), pdf);
    }

    /** The tree size of a signed checkpoint (C2SP signed note around a tlog-checkpoint); its signatures are the service's to check. */
    private static long checkpointSize(String signedCheckpoint) throws CalculationException {
        try {
            return Checkpoint.parse(SignedNote.parse(signedCheckpoint).text()).size();
        } catch (SignerException e) {
            throw new CalculationException("not a signed checkpoint: " + e.getMessage(), e);
        }
    }
}
