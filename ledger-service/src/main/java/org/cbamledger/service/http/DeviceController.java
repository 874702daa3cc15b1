package org.cbamledger.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.store.DeviceStore;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;

@Controller("/logs/{logId}/devices/{deviceId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeviceController {
    private final Ledger ledger;
    private final DeviceStore devices;

    DeviceController(Ledger ledger, DeviceStore devices) {
        this.ledger = ledger;
        this.devices = devices;
    }

    /** Holes in a meter gateway's batch numbering, as sequenced so far. */
    @Get("/sequence-gaps")
    public HttpResponse<String> gaps(HttpRequest<?> request, String logId, String deviceId)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.read(logId));
        ledger.log(logId);
        long batches = StoreException.wrapping(() -> devices.batchCount(logId, deviceId));
        List<Bodies.GapBody> gaps = StoreException.wrapping(() -> devices.gaps(logId, deviceId)).stream()
                .map(Bodies.GapBody::of).toList();
        return Json.response(HttpStatus.OK, new Bodies.GapsBody(logId, deviceId, batches, gaps));
    }
}
