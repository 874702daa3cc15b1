package org.cbamledger.service.statement;

/** Told of each statement the intake stores, once it is stored; what it prepares from it never undoes the storing. */
@FunctionalInterface
public interface StoredStatementListener {
    void stored(StoredStatement statement);
}
