-- The room web view's page bodies (issue 14), each rendered once per exact digest of what it shows (web.ViewDigest: the
-- view's format and calculation method versions, the log, every entry shown by leaf index and leaf hash, every statement
-- shown by id and payload SHA-256) and month asked for ('' for none). links_token stands in the body's links for the
-- room id, put in when a room's visitor is served. Only the newest few digests of a log are kept (web.StoredViews).
create table web_views (
    log_id       text not null references logs (log_id),
    view_sha256  bytea not null,
    month        text not null,
    links_token  text not null,
    body         text not null,
    created_at   timestamptz not null default now(),
    primary key (log_id, view_sha256, month)
);
