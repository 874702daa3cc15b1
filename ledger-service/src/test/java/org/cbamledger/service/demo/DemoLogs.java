package org.cbamledger.service.demo;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Base64;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import tools.jackson.databind.JsonNode;

/** For tests outside this package: a log loaded with a scenario through the HTTP API, as the demo does it. */
public final class DemoLogs {
    private DemoLogs() {}

    /**
     * The log's root key (it may sign any kind), what the scenario issued (the statement as stored) and the
     * statement-issuer key that signed it.
     */
    public record Loaded(String logId, SigningKey rootKey, String statementId, JsonNode statement, SigningKey issuerKey) {}

    public static Loaded load(RunningService service, String logId, String operatorName, String country, Path scenarioDir)
            throws Exception {
        DemoClient client = new DemoClient(service.http().base(), service.adminToken());
        JsonNode log = client.createLog(logId, operatorName, country);
        SigningKey root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519,
                Base64.getDecoder().decode(log.get("rootPrivateKeyPkcs8").asString()));
        ScenarioDemo.Outcome outcome = new ScenarioDemo(client, logId, root, new PrintStream(OutputStream.nullOutputStream()))
                .run(ScenarioLoader.load(scenarioDir), scenarioDir);
        return new Loaded(logId, root, outcome.statementId(), outcome.statement(), outcome.issuerKey());
    }
}
