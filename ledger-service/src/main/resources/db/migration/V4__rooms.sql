-- Data rooms: an exporter opens a room on one installation, a period and CN codes of its log, and grants it to
-- parties (importers, verifiers) with scopes. What the room holds is computed from the log (RoomScope); only the
-- room's definition and its grants are stored. Every access is appended to the log as a room-access entry.
create table rooms (
    room_id          text primary key,
    log_id           text not null references logs (log_id),
    name             text not null,
    installation_id  text not null,
    period_from      date not null,
    period_to        date not null,
    cn_codes         text[] not null,
    created_by       text not null,
    created_at       timestamptz not null,
    check (period_to >= period_from),
    check (cardinality(cn_codes) > 0)
);
create index rooms_by_log on rooms (log_id);

-- A grant of a room to a party in a role, with the scopes it may use; revoking keeps the row.
create table room_grants (
    room_id     text not null references rooms (room_id),
    party_id    text not null,
    role        text not null check (role in ('importer', 'verifier')),
    scopes      text[] not null,
    granted_by  text not null,
    granted_at  timestamptz not null,
    revoked_at  timestamptz,
    primary key (room_id, party_id, role)
);
create index room_grants_by_party on room_grants (party_id) where revoked_at is null;
