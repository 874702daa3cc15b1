package org.cbamledger.service.tiles;

/**
 * A tile's bytes and the SHA-256 {@code digest} its strong ETag is made of: for a hash tile the digest of the bytes;
 * for an entry bundle the digest of its entries' leaf hashes in order. An entry bundle is its entries, each behind
 * its length, so its bytes are a function of that list; each leaf hash is SHA-256(0x00 || entry) (RFC 6962), so two
 * bundles with different bytes differ in some entry and hence, short of a SHA-256 collision, in some leaf hash and
 * in the digest: it changes whenever the bytes do, as RFC 9110 §8.8.1 asks of a strong validator, while hashing 32
 * bytes per entry instead of the whole bundle (1.2 MB for 256 daily meter batches).
 */
public record ServedTile(byte[] body, byte[] digest) {}
