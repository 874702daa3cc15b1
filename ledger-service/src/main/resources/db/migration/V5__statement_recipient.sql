-- The party a statement is issued to (/issued/recipient of its payload), kept beside the payload so the importer
-- API finds a party's statements by index instead of parsing every stored statement.
alter table statements add column recipient text;

update statements set recipient = convert_from(statement, 'UTF8')::jsonb #>> '{issued,recipient}';

-- emissions-statement.schema.json requires issued.recipient, and the intake now rejects a statement without one.
-- Older intakes did not check it: a stored statement lacking it keeps the column nullable (it is listed to no
-- importer, as before) rather than stopping the service from starting.
do $$
begin
    if exists (select 1 from statements where recipient is null) then
        raise warning 'statements.recipient stays nullable: % stored statements lack /issued/recipient',
            (select count(*) from statements where recipient is null);
    else
        alter table statements alter column recipient set not null;
    end if;
end
$$;

-- The importer listing's order (ImporterStatements, StatementCursor): newest stored first, then log id and
-- statement id descending, continued after a cursor. Scanned backward from the cursor, one range per party.
create index statements_by_recipient on statements (recipient, stored_at, log_id, statement_id);
