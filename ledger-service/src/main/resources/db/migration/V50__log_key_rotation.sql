-- Note keys a log rotated to (api-spec/POLICY.md, rotation), beside its first key in logs.note_key_pkcs8. Each
-- signs checkpoints of size from_size and above; from created_at + the configured overlap the key before it no
-- longer signs them too. The rotation entry itself (log-key-rotation, signed by both keys) is in the log.
create table log_note_keys (
    log_id          text not null references logs (log_id),
    note_key_pkcs8  bytea not null,
    verifier_key    text not null,
    from_size       bigint not null,
    created_at      timestamptz not null,
    primary key (log_id, from_size)
);
