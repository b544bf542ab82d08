-- MySQL dialect. Labels analysts and tools maintain; chainlake reads them in ADS and seeds the mining-pool ones.
CREATE TABLE IF NOT EXISTS address_label (
    address VARCHAR(128) NOT NULL COMMENT 'Bitcoin address (base58 / bech32 / bech32m)',
    label VARCHAR(255) NOT NULL COMMENT 'Display name, e.g. a pool or exchange',
    category VARCHAR(64) NOT NULL COMMENT 'mining_pool | exchange | ...',
    source VARCHAR(255) NOT NULL COMMENT 'Where the label comes from',
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (address)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COMMENT = 'Address labels read by chainlake ADS reports';
