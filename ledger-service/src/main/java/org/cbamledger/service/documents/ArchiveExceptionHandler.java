package org.cbamledger.service.documents;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.cbamledger.archive.ArchiveException;

@Singleton
final class ArchiveExceptionHandler implements ExceptionHandler<ArchiveException, HttpResponse<?>> {
    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, ArchiveException e) {
        return DocumentProblems.of(e);
    }
}
