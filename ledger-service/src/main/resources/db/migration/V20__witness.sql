-- Witness cosignatures (C2SP tlog-cosignature) of the log's checkpoints, one row per checkpoint and witness key.
create table checkpoint_cosignatures (
    log_id          text not null,
    tree_size       bigint not null,
    witness_key     text not null,   -- the witness's cosignature/v1 vkey
    signature_line  text not null,   -- the note signature line, without its newline
    cosigned_at     timestamptz not null,  -- the time the cosignature states
    primary key (log_id, tree_size, witness_key),
    foreign key (log_id, tree_size) references checkpoints (log_id, tree_size)
);

-- The size each witness last cosigned of each log: the old size of the next add-checkpoint request.
create table witness_progress (
    log_id       text not null references logs (log_id),
    witness_key  text not null,
    tree_size    bigint not null,
    primary key (log_id, witness_key)
);

-- RFC 3161 tokens over checkpoints' note text.
create table checkpoint_timestamps (
    log_id     text not null,
    tree_size  bigint not null,
    token      bytea not null,
    gen_time   timestamptz not null,
    tsa_url    text not null,
    primary key (log_id, tree_size),
    foreign key (log_id, tree_size) references checkpoints (log_id, tree_size)
);
