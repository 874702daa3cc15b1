package org.cbamledger.verifier.context;

/** A value read from the bundle, or the reason it could not be read. Exactly one of the two is set. */
public record Loaded<T>(T value, String error) {

    public static <T> Loaded<T> of(T value) {
        return new Loaded<>(value, null);
    }

    public static <T> Loaded<T> failed(String error) {
        return new Loaded<>(null, error);
    }

    public boolean ok() {
        return error == null;
    }
}
