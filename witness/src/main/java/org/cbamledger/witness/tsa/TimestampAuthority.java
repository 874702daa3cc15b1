package org.cbamledger.witness.tsa;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A small RFC 3161 time-stamp authority for the demo and the tests (a real deployment names a public or
 * qualified TSA): grants SHA-256 imprints with tokens signed by its own certificate, serials kept on disk.
 */
public final class TimestampAuthority {
    /** A policy OID of this authority, under the UUID arc 2.25 that anyone may use (ITU-T X.667). */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.166394624717123960131467446419361284593");

    private final TsaCredentials credentials;
    private final SerialCounter serials;
    private final TimeStampResponseGenerator generator;
    private final Clock clock;

    private TimestampAuthority(TsaCredentials credentials, SerialCounter serials, Clock clock)
            throws OperatorCreationException, TSPException, GeneralSecurityException {
        this.credentials = credentials;
        this.serials = serials;
        this.clock = clock;
        var signerInfo = new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withECDSA", credentials.key(), credentials.certificate());
        var sha256 = new JcaDigestCalculatorProviderBuilder().build()
                .get(new DefaultDigestAlgorithmIdentifierFinder().find("SHA-256"));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signerInfo, sha256, POLICY);
        tokens.addCertificates(new JcaCertStore(List.of(credentials.certificate())));
        this.generator = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    }

    /** Loads or creates the key, the certificate and the serial counter under {@code dir}. */
    public static TimestampAuthority open(Path dir, Clock clock) throws IOException {
        try {
            return new TimestampAuthority(TsaCredentials.loadOrCreate(dir), new SerialCounter(dir.resolve("serial")),
                    clock);
        } catch (OperatorCreationException | TSPException | GeneralSecurityException e) {
            throw new IOException("cannot set up the TSA: " + e.getMessage(), e);
        }
    }

    public String certificatePem() {
        return credentials.certificatePem();
    }

    /** A DER TimeStampResp: granted with a token, or a rejection for a malformed or unsupported request. */
    public byte[] respond(byte[] requestDer) throws IOException {
        try {
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(requestDer);
            } catch (IOException | RuntimeException e) {
                return generator.generateFailResponse(2, PKIFailureInfo.badDataFormat, "not a TimeStampReq").getEncoded();
            }
            return generator.generate(request, serials.next(), Date.from(clock.instant())).getEncoded();
        } catch (TSPException e) {
            throw new IOException("time-stamping failed: " + e.getMessage(), e);
        }
    }
}
