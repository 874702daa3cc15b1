package org.cbamledger.service.claims;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.cbamledger.service.db.Database;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;

/** The deployment's claim map: a claim key's value and its map proof (inclusion, or non-inclusion when unclaimed). */
@Controller("/claims")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ClaimController {
    private static final Pattern CLAIM_KEY = Pattern.compile("(go|ppa):[^\\s/]{1,500}");
    private final DataSource dataSource;

    ClaimController(Database database) {
        this.dataSource = database.dataSource();
    }

    @Get(value = "/{claimKey}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> claim(String claimKey) throws LedgerException {
        if (!CLAIM_KEY.matcher(claimKey).matches()) {
            throw new LedgerException(Problem.INVALID_PARAMETER, "claim key must look like go:<registry>:<prefix>:<digits>:<block>"
                    + " or ppa:<contractId>:<month>, not " + claimKey);
        }
        return HttpResponse.ok(DeploymentClaims.prove(dataSource, claimKey).toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
