package io.chainlake.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MysqlTableShapeTest {

    @Test
    void readsColumnsNamedIndexesAndRenamesOfACreateTable() {
        MysqlTableShape shape = MysqlTableShape.of("""
                -- a comment, with a comma; and (parentheses)
                -- chainlake:renamed uid -> puid
                -- chainlake:renamed uid_hour -> puid_hour
                CREATE TABLE IF NOT EXISTS `pool`.`stats_users_hour` (
                    `id` BIGINT NOT NULL AUTO_INCREMENT,
                    `puid` INT NOT NULL,
                    `hour` INT NOT NULL COMMENT 'yyyyMMddHH, UTC (not local)',
                    `score` DECIMAL(35, 25) NOT NULL DEFAULT 0,
                    PRIMARY KEY (`id`),
                    UNIQUE KEY `puid_hour` (`puid`, `hour`),
                    KEY hour (`hour`),
                    UNIQUE (`score`)
                ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4""").orElseThrow();

        assertThat(shape.database()).isEqualTo("pool");
        assertThat(shape.table()).isEqualTo("stats_users_hour");
        assertThat(shape.columns()).extracting(MysqlTableShape.Part::name)
                .containsExactly("id", "puid", "hour", "score");
        assertThat(shape.columns().get(2).definition())
                .isEqualTo("`hour` INT NOT NULL COMMENT 'yyyyMMddHH, UTC (not local)'");
        assertThat(shape.columns().get(3).definition()).isEqualTo("`score` DECIMAL(35, 25) NOT NULL DEFAULT 0");
        assertThat(shape.indexes()).extracting(MysqlTableShape.Part::name).containsExactly("puid_hour", "hour");
        assertThat(shape.indexes().get(0).definition()).isEqualTo("UNIQUE KEY `puid_hour` (`puid`, `hour`)");
        assertThat(shape.renamed()).isEqualTo(Map.of("uid", "puid", "uid_hour", "puid_hour"));
    }

    @Test
    void anUnqualifiedTableIsInTheConnectionsDatabaseAndOtherStatementsHaveNoShape() {
        MysqlTableShape shape = MysqlTableShape.of("create table address_label (address VARCHAR(128) NOT NULL)")
                .orElseThrow();
        assertThat(shape.database()).isNull();
        assertThat(shape.table()).isEqualTo("address_label");
        assertThat(shape.renamed()).isEmpty();
        assertThat(MysqlTableShape.of("CREATE DATABASE IF NOT EXISTS `chainlake_pool`")).isEmpty();
    }
}
