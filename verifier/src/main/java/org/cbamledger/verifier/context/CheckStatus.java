package org.cbamledger.verifier.context;

/** The outcome of one check. Only {@link #FAIL} makes a bundle fail; the others inform. */
public enum CheckStatus {
    PASS,
    FAIL,
    /** A document whose content was erased (privacy): its hash stays, the content cannot be checked. */
    ERASED,
    /** A trust anchor taken from the bundle itself rather than pinned by the user. */
    NOT_PINNED,
    /** Checked and consistent, but worth a reader's attention (e.g. a user's rule-set override). */
    WARNING,
    /** Something present that this verifier build does not check. */
    NOT_CHECKED
}
