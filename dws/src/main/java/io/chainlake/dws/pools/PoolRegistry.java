package io.chainlake.dws.pools;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known mining pools of bitcoin-data/mining-pools (MIT; the list began at btc.com), bundled as the classpath
 * resource {@value #BUNDLED_RESOURCE}, and the rule that attributes a block to a pool from its coinbase transaction.
 *
 * <p>Attribution follows the registry maintainer's own tool (0xB10C/rust-bitcoin-pool-identification,
 * {@code identify_pool}): a coinbase output address listed for a pool wins, because an address is harder to fake than
 * a tag; otherwise a registry tag found in the coinbase scriptSig names the pool. mempool.space
 * ({@code matchBlockMiner}) differs: it walks the pools in file order checking each pool's addresses and then its tags
 * (as case-insensitive regular expressions), so an earlier pool's tag can beat a later pool's address. Where both
 * tools leave the answer to the order of the registry file, {@link #attribute} says what it does and why.
 */
public final class PoolRegistry {

    public static final String BUNDLED_RESOURCE = "/pools/mining-pools.json";

    private final List<Pool> pools;
    private final Map<String, Pool> poolByAddress;
    private final Map<Integer, Integer> positionById;
    private final List<Tag> tags;

    private PoolRegistry(List<Pool> pools, String source) {
        this.pools = List.copyOf(pools);
        Map<String, Pool> byAddress = new HashMap<>();
        List<Tag> allTags = new ArrayList<>();
        Map<Integer, Integer> positions = new HashMap<>();
        for (Pool pool : this.pools) {
            if (positions.putIfAbsent(pool.id(), positions.size()) != null) {
                throw new IllegalArgumentException(source + ": pool id " + pool.id() + " appears twice");
            }
            for (String address : pool.addresses()) {
                Pool other = byAddress.putIfAbsent(address, pool);
                if (other != null) {
                    throw new IllegalArgumentException(source + ": address " + address + " is listed for both '"
                            + other.name() + "' and '" + pool.name() + "'");
                }
            }
            for (String tag : pool.tags()) {
                if (tag.isEmpty()) {
                    throw new IllegalArgumentException(source + ": pool '" + pool.name() + "' has an empty tag");
                }
                allTags.add(new Tag(latin1(tag.getBytes(StandardCharsets.UTF_8)), pool));
            }
        }
        this.poolByAddress = Map.copyOf(byAddress);
        this.positionById = Map.copyOf(positions);
        this.tags = List.copyOf(allTags);
    }

    /** The registry bundled with chainlake, read once per JVM. */
    public static PoolRegistry bundled() {
        return Bundled.REGISTRY;
    }

    /** A registry read from the registry's JSON format (an array of {id, name, addresses, tags, link}). */
    public static PoolRegistry read(InputStream json, String source) {
        try {
            List<Pool> pools = new ObjectMapper().readValue(json, new TypeReference<List<Pool>>() { });
            if (pools == null) {
                throw new IllegalArgumentException(source + ": no pool list");
            }
            return new PoolRegistry(pools, source);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": not a mining-pool registry: " + e.getMessage(), e);
        }
    }

    /** Every pool, in registry order. */
    public List<Pool> pools() {
        return pools;
    }

    /** Every payout address with the name of its pool, in registry order. */
    public List<PayoutAddress> payoutAddresses() {
        List<PayoutAddress> result = new ArrayList<>();
        for (Pool pool : pools) {
            for (String address : pool.addresses()) {
                result.add(new PayoutAddress(address, pool.name()));
            }
        }
        return result;
    }

    /**
     * The pool that mined a block whose coinbase pays {@code coinbasePayoutAddresses} and carries
     * {@code coinbaseScriptSig}; empty when neither names a known pool. Either argument may be null.
     *
     * <p>Addresses first. If they belong to more than one pool, the pool earliest in the registry wins, so the answer
     * does not depend on the order of the list (SQL's ARRAY_AGG gives none).
     *
     * <p>Then tags. Tags are text in the registry but bytes in the block, and scriptSigs are mostly not valid UTF-8,
     * so a tag is matched as its UTF-8 bytes against the raw scriptSig bytes (both read as ISO-8859-1, one char per
     * byte), case-sensitively as the maintainer's tool does. When several tags match, the one that starts earliest in
     * the scriptSig wins, and at the same start the longer one. Why: both reference tools return the first match in
     * registry-file order, which ties the answer to how the file happens to be sorted. A pool writes its own tag near
     * the front of the scriptSig, after the BIP34 height, while later bytes are extranonce and free text such as
     * worker names ("/ViaBTC/Mined by someone/"), so the earliest tag is the pool's; and a tag starting where a longer
     * one starts is a prefix of it ("/ViaBTC/" of "/ViaBTC/TATMAS Pool/"), the longer being the more specific claim.
     * For every pair of overlapping tags in the bundled registry ("ckpool" in "/solo.ckpool.org/", "EMC" in "/EMCD/",
     * "/ViaBTC/" in "/ViaBTC/TATMAS Pool/") this rule and registry order pick the same pool; PoolRegistryTest checks
     * it for every registry tag.
     */
    public Optional<Pool> attribute(List<String> coinbasePayoutAddresses, byte[] coinbaseScriptSig) {
        Optional<Pool> byAddress = attributeByAddress(coinbasePayoutAddresses);
        if (byAddress.isPresent()) {
            return byAddress;
        }
        return attributeByTag(coinbaseScriptSig);
    }

    private Optional<Pool> attributeByAddress(Collection<String> addresses) {
        if (addresses == null) {
            return Optional.empty();
        }
        Pool best = null;
        for (String address : addresses) {
            Pool pool = address == null ? null : poolByAddress.get(address);
            if (pool != null && (best == null || positionById.get(pool.id()) < positionById.get(best.id()))) {
                best = pool;
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<Pool> attributeByTag(byte[] scriptSig) {
        if (scriptSig == null || scriptSig.length == 0) {
            return Optional.empty();
        }
        String haystack = latin1(scriptSig);
        Tag best = null;
        int bestStart = Integer.MAX_VALUE;
        for (Tag tag : tags) {
            int start = haystack.indexOf(tag.latin1());
            if (start < 0) {
                continue;
            }
            if (start < bestStart || (start == bestStart && tag.latin1().length() > best.latin1().length())) {
                best = tag;
                bestStart = start;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.pool());
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A registry tag as one ISO-8859-1 char per byte of its UTF-8 encoding, with the pool it names. */
    private record Tag(String latin1, Pool pool) {
    }

    /** Holds the bundled registry; the JVM loads it on first use, once. */
    private static final class Bundled {
        static final PoolRegistry REGISTRY = load();

        private static PoolRegistry load() {
            try (InputStream json = PoolRegistry.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (json == null) {
                    throw new IllegalStateException("classpath resource " + BUNDLED_RESOURCE + " is missing");
                }
                return read(json, BUNDLED_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(BUNDLED_RESOURCE + ": " + e.getMessage(), e);
            }
        }
    }
}
