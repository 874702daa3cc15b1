-- The documents each log holds (issue 11): the archive stores a blob once per sha256 across the deployment, but a
-- document belongs to the logs that uploaded it. A log reads and erases only the documents it holds; another
-- log's document answers 404 exactly like one that does not exist. An erasure is per log: the row keeps the
-- log's document-erasure record and the blob is deleted when no other log still holds the document.
create table log_documents (
    log_id                text not null references logs (log_id),
    sha256                text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    held_since            timestamptz not null default now(),
    erased_at             timestamptz,
    erasure_reason        text,
    erasure_requested_by  text,
    primary key (log_id, sha256),
    check ((erased_at is null) = (erasure_reason is null) and (erased_at is null) = (erasure_requested_by is null))
);
-- who else still holds a blob, asked on every erasure
create index log_documents_holders on log_documents (sha256) where erased_at is null;

-- Before this table a log held what its document-anchor entries name, and had erased what its document-erasure
-- entries name: carry that over so that a deployment keeps reading its documents after the upgrade.
create temporary table logged_documents as
select log_id, entry_index, sequenced_at, kind,
       convert_from(decode(convert_from(envelope, 'UTF8')::jsonb ->> 'payload', 'base64'), 'UTF8')::jsonb as record
  from entries
 where kind in ('document-anchor', 'document-erasure');

insert into log_documents (log_id, sha256, held_since)
select log_id, record ->> 'sha256', min(sequenced_at)
  from logged_documents
 where kind = 'document-anchor' and record ->> 'sha256' ~ '^[0-9a-f]{64}$'
 group by log_id, record ->> 'sha256';

update log_documents d
   set erased_at = (e.record ->> 'erasedAt')::timestamptz,
       erasure_reason = e.record ->> 'reason',
       erasure_requested_by = e.record ->> 'requestedBy'
  from (select distinct on (log_id, record ->> 'sha256') log_id, record
          from logged_documents
         where kind = 'document-erasure'
         order by log_id, record ->> 'sha256', entry_index) e
 where d.log_id = e.log_id and d.sha256 = e.record ->> 'sha256';

drop table logged_documents;
