-- The tree's stored hashes and the room index are derived from the entries (recomputable from their leaf hashes and
-- envelopes) and written only for a log the service holds open, the tree under the log's lease. Their foreign keys
-- to logs made PostgreSQL run a referential check per row, 7 per small entry at about 6 us each (BENCHMARKS.md,
-- "Small entries: the write path's own costs"). entries and device_batches, the system of record, keep theirs.
alter table tree_hashes drop constraint tree_hashes_log_id_fkey;
alter table room_index_entries drop constraint room_index_entries_log_id_fkey;
alter table room_index_keys drop constraint room_index_keys_log_id_fkey;
alter table room_index_readings drop constraint room_index_readings_log_id_fkey;
