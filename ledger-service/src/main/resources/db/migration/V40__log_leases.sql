-- Which service instance runs a log's write path (integrator, checkpoint signer). A takeover increments
-- fencing_token; every write-path transaction locks its lease row for share and checks the token, so a holder
-- that lost the lease (paused, partitioned, presumed dead) cannot write after another took over.
-- Times are the database's now(): the instances' clocks never compare with each other.
create table log_leases (
    log_id         text primary key references logs (log_id),
    holder         text not null,
    fencing_token  bigint not null,
    expires_at     timestamptz not null
);

-- Live service instances, for each one's fair share of the logs.
create table service_instances (
    instance_id  text primary key,
    seen_until   timestamptz not null
);
