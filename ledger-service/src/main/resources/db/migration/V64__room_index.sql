-- The rooms' scope index (issue 14): what the scope rules need of each entry (room.scope.ScopeEntry as JSON: kind, the
-- record the rules read, readings reduced to the days they cover, signing key ids) and the keys a rule finds it under
-- (room.scope.ScopeKeys: installation, meter, contract, asset, key, party, record references...), so that a room's contents
-- are computed with indexed queries instead of a walk over the log. Filled with entry_index, page by page.
create table room_index_entries (
    log_id      text not null references logs (log_id),
    leaf_index  bigint not null,
    facts       text not null,
    primary key (log_id, leaf_index)
);

create table room_index_keys (
    log_id      text not null references logs (log_id),
    key         text not null,
    leaf_index  bigint not null,
    primary key (log_id, key, leaf_index)
);

-- Logs written before this table: the catch-up that fills entry_index (on conflict it keeps its rows) starts again
-- from the first entry and fills both.
update entry_index_state set indexed_size = 0;
