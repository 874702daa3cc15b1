-- The deployment's uniqueness map (signer org.cbamledger.signer.map): GO serial blocks and PPA months, each
-- claimed once across every log. Written in the transaction that sequences the claiming entry.
-- Leaves: map key (SHA-256 of the claim key) to the hash of its canonical claim value.
create table claim_map_leaves (
    map_key     bytea primary key,
    value_hash  bytea not null
);
-- Hashes of the branch nodes whose subtree holds two or more leaves, by depth (0 = root) and first key.
create table claim_map_branches (
    depth          integer not null,
    subtree_first  bytea not null,
    hash           bytea not null,
    primary key (depth, subtree_first)
);
-- The canonical claim value of each claim key: who claimed which serials of a block, or a PPA month.
create table claim_values (
    claim_key  text primary key,
    value      bytea not null
);
