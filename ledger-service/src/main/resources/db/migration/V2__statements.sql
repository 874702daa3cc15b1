-- Emissions statements issued from a log's entries: the JWS as signed, its payload, and the PDF the service
-- rendered from it. A statement is not a log entry: its JWS by a key the log registers, and the checkpoint it
-- names, bind it to the log.
create table statements (
    log_id         text not null references logs (log_id),
    statement_id   text not null,
    key_id         text not null,
    tree_size      bigint not null,
    jws            text not null,
    statement      bytea not null,
    pdf            bytea not null,
    stored_at      timestamptz not null default now(),
    primary key (log_id, statement_id)
);
