package org.cbamledger.service.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Response bodies written by Jackson 3 from plain records, so the wire shape is what the records say. */
final class Json {
    static final String PROBLEM_JSON = "application/problem+json";
    static final JsonMapper MAPPER = JsonMappers.PLAIN;

    private Json() {}

    static MutableHttpResponse<String> response(HttpStatus status, Object body) {
        return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(MAPPER.writeValueAsString(body));
    }

    /** As {@link #response}, the body encoded once as UTF-8 bytes (the same bytes, without a String between). */
    static MutableHttpResponse<byte[]> bytes(HttpStatus status, Object body) {
        return HttpResponse.<byte[]>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(MAPPER.writeValueAsBytes(body));
    }

    static JsonNode tree(byte[] json) {
        return MAPPER.readTree(json);
    }
}
