package org.cbamledger.service.config;

import static org.cbamledger.service.properties.PropertyChecks.atLeast;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code cbam.tiles.*}: the hash tiles kept in memory for proofs and {@code tile/<L>/<N>} reads.
 *
 * @param cacheMib memory for hash tiles, in MiB (default 64: about 4,000 tiles with their inner nodes, the leaf
 *     tiles of a million entries); 0 reads every tile from the database
 */
@ConfigurationProperties("cbam.tiles")
public record TileConfiguration(@Bindable(defaultValue = "64") int cacheMib) {

    public TileConfiguration {
        atLeast("cbam.tiles.cache-mib", cacheMib, 0);
    }

    long cacheBytes() {
        return cacheMib * 1024L * 1024L;
    }
}
