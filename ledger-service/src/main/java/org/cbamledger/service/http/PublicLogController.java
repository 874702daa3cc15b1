package org.cbamledger.service.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.tiles.ServedTile;
import org.cbamledger.service.tiles.TileReader;
import org.cbamledger.service.witness.WitnessedCheckpoints;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.TilePath;

/** What anyone may read without a token: the signed checkpoint and the C2SP tlog-tiles. */
@Controller("/logs/{logId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicLogController {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";
    private final Ledger ledger;
    private final CheckpointStore checkpoints;
    private final TileReader tiles;
    private final WitnessedCheckpoints witnessed;

    PublicLogController(Ledger ledger, CheckpointStore checkpoints, TileReader tiles, WitnessedCheckpoints witnessed) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.tiles = tiles;
        this.witnessed = witnessed;
    }

    /**
     * The latest checkpoint with the witness cosignatures stored for it (also the tlog-tiles checkpoint). With
     * {@code witnessed=true}: the newest checkpoint the quorum of witnesses cosigned, of at least {@code minSize}
     * (default: the latest checkpoint's size, or 1 before the first), waiting up to {@code wait} (e.g. {@code 500ms}, {@code 5s}; at most
     * 30s) for it; 404 when there is none by then.
     */
    @Get(value = "/checkpoint", produces = MediaType.TEXT_PLAIN)
    public HttpResponse<byte[]> checkpoint(HttpRequest<?> request, String logId, @Nullable @QueryValue String witnessed,
            @Nullable @QueryValue String minSize, @Nullable @QueryValue String wait)
            throws LedgerException, InterruptedException {
        ledger.log(logId);
        Optional<StoredCheckpoint> latest = StoreException.wrapping(() -> checkpoints.latest(logId));
        StoredCheckpoint served;
        if ("true".equals(witnessed)) {
            Long min = Params.optionalNonNegative("minSize", minSize);
            long target = min != null ? min : latest.map(StoredCheckpoint::treeSize).orElse(1L);
            Duration timeout = Params.waitDuration("wait", wait);
            served = StoreException.wrapping(() -> this.witnessed.awaitWitnessed(logId, target, timeout)).orElseThrow(
                    () -> new LedgerException(Problem.ENTRY_NOT_FOUND, "log " + logId + " has no checkpoint of size >= "
                            + target + " cosigned by the quorum of witnesses yet"));
        } else {
            served = StoreException.wrapping(() -> this.witnessed.cosigned(logId, latest.orElseThrow(
                    () -> new LedgerException(Problem.ENTRY_NOT_FOUND, "log " + logId + " has no checkpoint yet"))));
        }
        byte[] note = served.signedNote().getBytes(StandardCharsets.UTF_8);
        return cacheable(request, note, StrongEtag.of(note), MediaType.TEXT_PLAIN_TYPE, REVALIDATE);
    }

    /** C2SP tlog-tiles: {@code tile/<L>/<N>[.p/<W>]} and {@code tile/entries/<N>[.p/<W>]}. */
    @Get(value = "/tile/{+path}", produces = MediaType.APPLICATION_OCTET_STREAM)
    public HttpResponse<byte[]> tile(HttpRequest<?> request, String logId, String path) throws LedgerException {
        ledger.log(logId);
        TilePath tile;
        try {
            tile = TilePath.parse("tile/" + path);
        } catch (SignerException e) {
            throw new LedgerException(Problem.INVALID_PARAMETER, e.getMessage(), e);
        } catch (ArithmeticException e) {
            throw new LedgerException(Problem.ENTRY_NOT_FOUND, "tile/" + path + " is beyond any tree", e);
        }
        ServedTile served = StoreException.wrapping(() -> tiles.read(logId, tile));
        // a full tile never changes; a partial one is replaced by a wider one as the tree grows
        return cacheable(request, served.body(), StrongEtag.ofDigest(served.digest()), MediaType.APPLICATION_OCTET_STREAM_TYPE,
                tile.isPartial() ? REVALIDATE : IMMUTABLE);
    }

    /** RFC 9110 §13.1.2 / RFC 9111 §5.2: a strong ETag, and 304 without the body when the client holds it. */
    private static HttpResponse<byte[]> cacheable(HttpRequest<?> request, byte[] body, String etag, MediaType type,
            String cacheControl) {
        MutableHttpResponse<byte[]> response = StrongEtag.matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), etag)
                ? HttpResponse.notModified()
                : HttpResponse.ok(body).contentType(type);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }
}
