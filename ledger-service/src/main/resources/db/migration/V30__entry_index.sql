-- The log's verifiable index (api-spec/CONTRACTS.md, index-commitment): for each installation, record kind and
-- month, the leaf indexes of the entries under it (signer IndexKeys), filled from the sequenced entries before
-- each use. entry_index_state holds how far it is filled and the latest index-commitment the log holds.
create table entry_index (
    log_id           text not null references logs (log_id),
    installation_id  text not null,
    kind             text not null,
    month            text not null,
    leaf_index       bigint not null,
    primary key (log_id, installation_id, kind, month, leaf_index)
);

create table entry_index_state (
    log_id            text primary key references logs (log_id),
    indexed_size      bigint not null,
    committed_size    bigint,
    commitment_index  bigint
);
