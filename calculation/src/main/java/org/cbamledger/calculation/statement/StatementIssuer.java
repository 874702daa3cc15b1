package org.cbamledger.calculation.statement;

import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issues a statement: builds it, binds it to the checkpoint it was made under, renders its PDF (and workbook, if
 * asked) and binds them by hash, signs it.
 */
public final class StatementIssuer {
    private StatementIssuer() {}

    /** {@code signedCheckpoint} is the C2SP signed note of a checkpoint covering every evidence entry used. */
    public static IssuedStatement issue(CalculationResult result, StatementIssue issue, String signedCheckpoint, SigningKey operatorKey)
            throws CalculationException {
        return issue(result, issue, signedCheckpoint, operatorKey, Optional.empty());
    }

    /** As above, binding also the workbook {@code workbookRenderer} renders from the statement (the communication template). */
    public static IssuedStatement issue(CalculationResult result, StatementIssue issue, String signedCheckpoint, SigningKey operatorKey,
            Optional<StatementRenderings.WorkbookRenderer> workbookRenderer) throws CalculationException {
        long largestLeaf = result.usedEvidence().stream().mapToLong(u -> u.leafIndex()).max().orElse(-1);
        long treeSize = checkpointSize(signedCheckpoint);
        if (largestLeaf >= treeSize) {
            throw new CalculationException("the checkpoint of size " + treeSize + " does not cover evidence leaf " + largestLeaf);
        }
        ObjectNode statement = EmissionsStatements.build(result, issue);
        statement.put("checkpoint", signedCheckpoint);
        StatementRenderings.Rendered rendered = StatementRenderings.bind(statement, workbookRenderer);
        return new IssuedStatement(statement, StatementJws.sign(statement, operatorKey), rendered.pdf(), rendered.workbook());
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
