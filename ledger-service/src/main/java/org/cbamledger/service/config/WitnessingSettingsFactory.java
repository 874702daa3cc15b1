package org.cbamledger.service.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.service.witness.WitnessEndpoint;
import org.cbamledger.service.witness.WitnessingSettings;
import org.cbamledger.signer.CosignatureVerifier;
import org.cbamledger.signer.Rfc3161;
import org.cbamledger.signer.SignerException;

/** Turns the witness and TSA configuration into the service's settings, refusing what does not fit together. */
final class WitnessingSettingsFactory {
    private WitnessingSettingsFactory() {}

    static WitnessingSettings of(WitnessConfiguration witness, TsaConfiguration tsa) throws IOException {
        List<String> urls = nonBlank(witness.urls());
        List<String> keys = nonBlank(witness.keys());
        if (urls.size() != keys.size()) {
            throw new IllegalArgumentException("cbam.witness.urls names " + urls.size() + " witnesses, cbam.witness.keys "
                    + keys.size() + " keys: give one key per witness, in the same order");
        }
        List<WitnessEndpoint> witnesses = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            try {
                witnesses.add(new WitnessEndpoint(baseUrl(urls.get(i)), CosignatureVerifier.parse(keys.get(i))));
            } catch (SignerException e) {
                throw new IllegalArgumentException("cbam.witness.keys[" + i + "]: " + e.getMessage(), e);
            }
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (String file : nonBlank(tsa.certificates())) {
            try {
                certificates.addAll(Rfc3161.readCertificates(Files.readAllBytes(Path.of(file))));
            } catch (SignerException e) {
                throw new IllegalArgumentException("cbam.tsa.certificates " + file + ": " + e.getMessage(), e);
            }
        }
        int quorum = witness.quorum() == null ? witnesses.size() : witness.quorum();
        return new WitnessingSettings(witnesses, quorum, witness.retryInterval(), witness.bundleWait(),
                nonBlank(tsa.urls()).stream().map(URI::create).toList(), certificates, tsa.interval());
    }

    private static URI baseUrl(String url) {
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
