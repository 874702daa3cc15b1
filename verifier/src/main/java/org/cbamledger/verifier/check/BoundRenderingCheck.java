package org.cbamledger.verifier.check;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.Loaded;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A rendering beside statement.json is the one its signature binds (api-spec/BUNDLE.md): the hash in
 * statement.json's {@code renderings} (checked by the statement check to be the JWS payload) is the SHA-256 of the
 * bundled file, which must be there. A statement that binds no such rendering gives a NOT_CHECKED line for a file
 * that is there anyway. Only hashes are compared: the verifier does not render.
 */
abstract class BoundRenderingCheck implements BundleCheck {
    private final String name;
    private final String what;
    private final int maxBytes;
    private final Function<String, String> fileBesideStatement;
    private final Function<JsonNode, Optional<String>> boundSha256;

    BoundRenderingCheck(String name, String what, int maxBytes, Function<String, String> fileBesideStatement,
            Function<JsonNode, Optional<String>> boundSha256) {
        this.name = name;
        this.what = what;
        this.maxBytes = maxBytes;
        this.fileBesideStatement = fileBesideStatement;
        this.boundSha256 = boundSha256;
    }

    @Override
    public List<CheckResult> run(BundleContext context) {
        String file = context.manifest().statementFile();
        if (file == null) {
            return List.of();
        }
        String rendering = fileBesideStatement.apply(file);
        Optional<String> bound = boundSha256(context, file);
        if (bound.isEmpty()) {
            return context.bundle().exists(rendering)
                    ? List.of(new CheckResult(name, rendering, CheckStatus.NOT_CHECKED,
                            "the statement binds no " + what + ": the file is not evidence"))
                    : List.of();
        }
        if (!context.bundle().exists(rendering)) {
            return List.of(CheckResult.fail(name, rendering, "missing: the signed statement binds a " + what + " of SHA-256 "
                    + bound.get()));
        }
        Loaded<byte[]> bytes = context.bytes(rendering, maxBytes);
        if (!bytes.ok()) {
            return List.of(CheckResult.fail(name, rendering, bytes.error()));
        }
        try {
            String actual = StatementRenderings.sha256Hex(bytes.value());
            if (!actual.equals(bound.get())) {
                return List.of(CheckResult.fail(name, rendering, "has SHA-256 " + actual + ", the signed statement binds "
                        + bound.get()));
            }
        } catch (CalculationException e) {
            return List.of(CheckResult.fail(name, rendering, e.getMessage()));
        }
        return List.of(CheckResult.pass(name, rendering, "is the " + what + " the signed statement binds (SHA-256 " + bound.get() + ")"));
    }

    /** The hash statement.json binds; an unreadable statement is the statement check's to report. */
    private Optional<String> boundSha256(BundleContext context, String file) {
        Loaded<String> json = context.text(file);
        if (!json.ok()) {
            return Optional.empty();
        }
        try {
            return boundSha256.apply(JsonMappers.PLAIN.readTree(json.value()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
