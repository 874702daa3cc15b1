package org.cbamledger.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.cbamledger.service.auth.AuthException;

@Singleton
final class AuthExceptionHandler implements ExceptionHandler<AuthException, HttpResponse<?>> {
    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, AuthException e) {
        return Problems.of(e);
    }
}
