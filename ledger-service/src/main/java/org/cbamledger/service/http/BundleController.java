package org.cbamledger.service.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.bundle.BundleExporter;
import org.cbamledger.service.bundle.BundledStatement;
import org.cbamledger.service.bundle.StatementSource;
import org.cbamledger.service.bundle.StreamedZip;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.StoredCheckpoint;

@Controller("/logs/{logId}/bundle")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BundleController {
    private final Ledger ledger;
    private final CheckpointStore checkpoints;
    private final BundleExporter exporter;
    private final StatementSource statements;

    BundleController(Ledger ledger, CheckpointStore checkpoints, BundleExporter exporter,
            @Nullable StatementSource statements) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.exporter = exporter;
        this.statements = statements;
    }

    /**
     * The evidence bundle as a zip; {@code fromIndex} inclusive, {@code toIndex} exclusive, {@code statement}
     * the id of a stored statement to include with what it rests on. Streamed as it is written, entries read a
     * page at a time; what the request asks is checked before the first byte.
     */
    @Get(produces = "application/zip")
    public HttpResponse<StreamedFile> bundle(HttpRequest<?> request, String logId,
            @Nullable @QueryValue String fromIndex, @Nullable @QueryValue String toIndex,
            @Nullable @QueryValue String statement) throws AuthException, LedgerException, IOException {
        BearerTokenFilter.principal(request).require(Scopes.read(logId));
        LogInfo log = ledger.log(logId);
        Long from = Params.optionalNonNegative("fromIndex", fromIndex);
        Long to = Params.optionalNonNegative("toIndex", toIndex);
        if (statement != null && statements == null) {
            throw new LedgerException(Problem.INVALID_PARAMETER, "this service stores no statements");
        }
        BundledStatement bundled = statement == null ? null
                : StoreException.wrapping(() -> statements.statement(logId, statement));
        StoredCheckpoint checkpoint = StoreException.wrapping(() -> checkpoints.latest(logId)).orElseThrow(
                () -> new LedgerException(Problem.ENTRY_NOT_FOUND, "log " + logId + " has no checkpoint yet"));
        BundleExporter.PreparedBundle prepared = StoreException.wrapping(() -> exporter.export(log, checkpoint, from, to, bundled));
        StreamedFile file = new StreamedFile(StreamedZip.of(prepared, "log " + logId), MediaType.of("application/zip"));
        return HttpResponse.ok(file.attach(logId + "-" + checkpoint.treeSize() + ".zip"));
    }
}
