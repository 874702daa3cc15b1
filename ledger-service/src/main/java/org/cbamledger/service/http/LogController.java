package org.cbamledger.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.log.CreatedLog;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.LogKeys;
import org.cbamledger.service.store.RotatedKey;
import org.cbamledger.service.log.LogKeyRotated;
import org.cbamledger.service.store.LogState;
import org.cbamledger.service.store.LogStore;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.StoredCheckpoint;
import tools.jackson.databind.JsonNode;

@Controller("/logs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LogController {
    /** ISO 3166-1 user-assigned code, used when the request names no country. */
    private static final String UNKNOWN_COUNTRY = "XX";

    private final Ledger ledger;
    private final LogStore logs;
    private final CheckpointStore checkpoints;

    LogController(Ledger ledger, LogStore logs, CheckpointStore checkpoints) {
        this.ledger = ledger;
        this.logs = logs;
        this.checkpoints = checkpoints;
    }

    /**
     * Body {@code {"logId","operatorName"}}, optionally {@code "country"} (ISO 3166-1 alpha-2) and
     * {@code "bootstrap":[partyEnvelope, rootKeyRegistrationEnvelope]} signed by the operator's own root key.
     */
    @Post
    public HttpResponse<String> create(HttpRequest<?> request, @Body byte[] body)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.ADMIN);
        JsonNode json = RequestJson.tree(body, Problem.INVALID_BOOTSTRAP, "request body");
        if (!json.isObject()) {
            throw new LedgerException(Problem.INVALID_BOOTSTRAP, "request body must be a JSON object");
        }
        List<byte[]> bootstrap = new ArrayList<>();
        for (JsonNode envelope : json.path("bootstrap").values()) {
            bootstrap.add(Json.MAPPER.writeValueAsBytes(envelope));
        }
        CreatedLog created = StoreException.wrapping(() -> ledger.createLog(json.path("logId").asString(null),
                json.path("operatorName").asString(null), json.path("country").asString(UNKNOWN_COUNTRY), bootstrap));
        String rootKey = created.generatedRootKeyPkcs8() == null
                ? null : Base64.getEncoder().encodeToString(created.generatedRootKeyPkcs8());
        return Json.response(HttpStatus.CREATED, new Bodies.CreatedLogBody(created.logId(), created.origin(),
                created.logVerifierKey(), created.rootKeyId(), rootKey,
                created.receipts().stream().map(Bodies.ReceiptBody::of).toList()));
    }

    /** Rotates the log's note key (api-spec/POLICY.md, rotation); answers the new key and the size it signs from. */
    @Post("/{logId}/log-keys")
    public HttpResponse<String> rotateKey(HttpRequest<?> request, String logId)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.logAdmin(logId));
        LogKeyRotated rotated = StoreException.wrapping(() -> ledger.rotateLogKey(logId));
        return Json.response(HttpStatus.CREATED, rotated);
    }

    @Get("/{logId}")
    public HttpResponse<String> describe(HttpRequest<?> request, String logId)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.read(logId));
        LogInfo log = ledger.log(logId);
        List<Bodies.LogKeyBody> keys = keyWindows(ledger.logKeys(logId));
        LogState state = StoreException.wrapping(() -> logs.state(logId));
        long checkpointSize = StoreException.wrapping(() -> checkpoints.latest(logId)).map(StoredCheckpoint::treeSize).orElse(0L);
        return Json.response(HttpStatus.OK, new Bodies.LogBody(logId, log.origin(), log.operatorName(),
                keys.getLast().vkey(), keys, state.sequencedSize(), state.integratedSize(), checkpointSize));
    }

    /** The first key from size 0, then each key the log rotated to from its {@code fromSize}: the last is current. */
    private static List<Bodies.LogKeyBody> keyWindows(LogKeys keys) {
        List<Bodies.LogKeyBody> windows = new ArrayList<>();
        windows.add(new Bodies.LogKeyBody(keys.firstVerifierKey(), 0));
        for (RotatedKey rotation : keys.rotations()) {
            windows.add(new Bodies.LogKeyBody(rotation.verifierKey(), rotation.fromSize()));
        }
        return windows;
    }
}
