-- The rooms' reading batches (issue 14): a plant's year is 182,500 daily batches, nearly all of a room. Each
-- non-correction meter-reading-batch of the room index, once per span of UTC days its intervals cover
-- (room.scope.SeriesDays), with its meter and signing key ids, so that a room takes the batches of its meters in its
-- period with one indexed query instead of reading and judging each one's scope facts.
create table room_index_readings (
    log_id      text not null references logs (log_id),
    meter_id    text not null,
    first_day   bigint not null,
    last_day    bigint not null,
    leaf_index  bigint not null,
    signers     text[] not null,
    primary key (log_id, meter_id, first_day, last_day, leaf_index)
);

-- Logs indexed before this table: the catch-up starts again from the first entry (on conflict it keeps its rows).
update entry_index_state set indexed_size = 0;
