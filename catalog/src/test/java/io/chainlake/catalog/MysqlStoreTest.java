package io.chainlake.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The declared width ensureTable compares with an existing column, to widen e.g. CHAR(16) to VARCHAR(45). */
class MysqlStoreTest {

    @Test
    void theDeclaredLengthOfACharacterColumn() {
        assertThat(MysqlStore.declaredLength("last_share_ip VARCHAR(45) NOT NULL DEFAULT '0.0.0.0'"))
                .isEqualTo(OptionalInt.of(45));
        assertThat(MysqlStore.declaredLength("`ip` char( 16 ) NOT NULL")).isEqualTo(OptionalInt.of(16));
        assertThat(MysqlStore.declaredLength("accept_1m BIGINT NOT NULL DEFAULT 0")).isEmpty();
        assertThat(MysqlStore.declaredLength("reject_detail TEXT COMMENT 'VARCHAR(9)'")).isEmpty();
    }
}
