package org.cbamledger.service.witness;

import java.net.URI;
import org.cbamledger.signer.CosignatureVerifier;

/** A witness the service submits checkpoints to: its base URL (add-checkpoint is under it) and its key. */
public record WitnessEndpoint(URI url, CosignatureVerifier key) {}
