package org.cbamledger.service.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

@Controller
public class HealthController {
    @Get("/health")
    public HttpResponse<String> health() {
        return Json.response(HttpStatus.OK, new Bodies.HealthBody("ok"));
    }
}
