package org.cbamledger.service.witness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.cbamledger.witness.AddCheckpointRequest;

/** Posts C2SP tlog-witness {@code add-checkpoint} requests and classifies the answer. */
final class WitnessClient {
    /** 200: cosignature lines; 409 with text/x.tlog.size: the witness's size; anything else: a failure. */
    record Answer(int status, String body, Long knownSize) {
        boolean cosigned() {
            return status == 200;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    WitnessClient(Duration timeout) {
        this.timeout = timeout;
    }

    Answer addCheckpoint(URI witness, AddCheckpointRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(witness.resolve("add-checkpoint"))
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(request.format(), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Long known = null;
        if (response.statusCode() == 409
                && response.headers().firstValue("Content-Type").orElse("").equals("text/x.tlog.size")
                && response.body().matches("(0|[1-9][0-9]{0,18})\n")) {
            known = Long.parseLong(response.body().strip());
        }
        return new Answer(response.statusCode(), response.body(), known);
    }
}
