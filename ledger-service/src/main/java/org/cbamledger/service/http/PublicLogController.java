package org.cbamledger.service.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.sql.SQLException;
import org.cbamledger.service.log.CheckpointStore;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.log.LedgerException;
import org.cbamledger.service.log.Problem;
import org.cbamledger.service.log.StoredCheckpoint;
import org.cbamledger.service.log.TileReader;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.TilePath;

/** What anyone may read without a token: the signed checkpoint and the C2SP tlog-tiles. */
@Controller("/logs/{logId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicLogController {
    private final Ledger ledger;
    private final CheckpointStore checkpoints;
    private final TileReader tiles;

    PublicLogController(Ledger ledger, CheckpointStore checkpoints, TileReader tiles) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.tiles = tiles;
    }

    @Get(value = "/checkpoint", produces = MediaType.TEXT_PLAIN)
    public HttpResponse<String> checkpoint(String logId) throws LedgerException, SQLException {
        ledger.log(logId);
        StoredCheckpoint latest = checkpoints.latest(logId).orElseThrow(
                () -> new LedgerException(Problem.ENTRY_NOT_FOUND, "log " + logId + " has no checkpoint yet"));
        return HttpResponse.ok(latest.signedNote()).contentType(MediaType.TEXT_PLAIN_TYPE).header("Cache-Control", "no-cache");
    }

    /** C2SP tlog-tiles: {@code tile/<L>/<N>[.p/<W>]} and {@code tile/entries/<N>[.p/<W>]}. */
    @Get(value = "/tile/{+path}", produces = MediaType.APPLICATION_OCTET_STREAM)
    public HttpResponse<byte[]> tile(String logId, String path) throws LedgerException, SQLException {
        ledger.log(logId);
        TilePath tile;
        try {
            tile = TilePath.parse("tile/" + path);
        } catch (SignerException e) {
            throw new LedgerException(Problem.INVALID_PARAMETER, e.getMessage(), e);
        }
        byte[] content = tiles.read(logId, tile);
        // a full tile never changes; a partial one is replaced as the tree grows
        String cache = tile.isPartial() ? "no-cache" : "public, max-age=31536000, immutable";
        return HttpResponse.ok(content).contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE).header("Cache-Control", cache);
    }
}
