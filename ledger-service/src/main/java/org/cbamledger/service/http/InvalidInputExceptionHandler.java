package org.cbamledger.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
final class InvalidInputExceptionHandler implements ExceptionHandler<InvalidInputException, HttpResponse<?>> {
    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, InvalidInputException e) {
        return Problems.of(e);
    }
}
