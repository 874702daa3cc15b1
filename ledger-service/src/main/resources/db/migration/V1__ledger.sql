-- One row per log (tenant). The note key signs the log's checkpoints.
create table logs (
    log_id          text primary key,
    origin          text not null unique,
    operator_name   text not null,
    note_key_pkcs8  bytea not null,
    created_at      timestamptz not null default now()
);

-- Sizes of the write path's stages: sequenced >= integrated >= checkpointed. Sequencer and
-- integrator each lock only their own row, so neither waits for the other.
create table log_sequence (
    log_id          text primary key references logs (log_id),
    sequenced_size  bigint not null
);
create table log_tree (
    log_id          text primary key references logs (log_id),
    integrated_size bigint not null,
    integrated_root bytea not null
);

create table entries (
    log_id        text not null references logs (log_id),
    entry_index   bigint not null,
    leaf_hash     bytea not null,
    kind          text not null,
    envelope      bytea not null,
    sequenced_at  timestamptz not null default now(),
    primary key (log_id, entry_index)
);
create unique index entries_by_leaf_hash on entries (log_id, leaf_hash);

-- golang.org/x/mod/sumdb/tlog stored-hash layout: hash_index = StoredHashIndex(level, n).
create table tree_hashes (
    log_id      text not null references logs (log_id),
    hash_index  bigint not null,
    hash        bytea not null,
    primary key (log_id, hash_index)
);

create table checkpoints (
    log_id       text not null references logs (log_id),
    tree_size    bigint not null,
    root_hash    bytea not null,
    signed_note  text not null,
    created_at   timestamptz not null default now(),
    primary key (log_id, tree_size)
);

-- Keys registered in the log by key-registration entries, revoked by key-revocation entries.
create table log_keys (
    log_id            text not null references logs (log_id),
    key_id            text not null,
    algorithm         text not null,
    spki              bytea not null,
    party             text not null,
    role              text not null,
    allowed_kinds     text[] not null,
    valid_from        timestamptz not null,
    valid_until       timestamptz,
    registered_index  bigint not null,
    revoked_at        timestamptz,
    revoked_index     bigint,
    primary key (log_id, key_id)
);

-- meter-reading-batch numbering per device: one leaf per (device, sequence).
create table device_batches (
    log_id       text not null references logs (log_id),
    device_id    text not null,
    sequence     bigint not null,
    entry_index  bigint not null,
    leaf_hash    bytea not null,
    primary key (log_id, device_id, sequence)
);
create index entries_ledger_kinds on entries (log_id, entry_index) where kind in ('party', 'key-registration', 'key-revocation');
