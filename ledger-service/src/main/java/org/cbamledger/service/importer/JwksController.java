package org.cbamledger.service.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.List;
import org.cbamledger.service.db.Database;
import tools.jackson.databind.json.JsonMapper;

/** The public statement-issuer keys of all logs (RFC 7517 JWK set); no token needed. */
@Controller("/.well-known")
@ExecuteOn(TaskExecutors.BLOCKING)
public class JwksController {
    /** RFC 7517 §8.5. */
    static final String JWK_SET_JSON = "application/jwk-set+json";
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL)).build();

    private final IssuerJwks jwks;

    JwksController(Database database, Clock clock) {
        this.jwks = new IssuerJwks(database.dataSource(), clock);
    }

    @Get(uri = "/jwks.json", produces = JWK_SET_JSON)
    public HttpResponse<byte[]> jwks() {
        return HttpResponse.ok(JSON.writeValueAsBytes(new JwkSet(jwks.keys())))
                .contentType(MediaType.of(JWK_SET_JSON));
    }

    record JwkSet(List<IssuerJwks.Jwk> keys) {}
}
