package io.chainlake.ods.blockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.ods.MainnetData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.bitcoinj.base.VarInt;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;
import org.junit.jupiter.api.Test;

class BlockDecoderTest {

    /** Sizes and weights agree with bitcoinj's own serialization of each transaction (BIP141 weight). */
    @Test
    void sizesAgreeWithBitcoinjSerialization() throws IOException {
        Entries read = Entries.read(Network.MAIN, MainnetData.file("sample-blocks-2012-2019.blk"));
        for (FoundBlock found : read.blocks()) {
            Block block = Block.read(ByteBuffer.wrap(found.raw()));
            int headerAndCount = Block.HEADER_SIZE + VarInt.sizeOf(block.getTransactions().size());
            int weight = headerAndCount * 4 + block.getTransactions().stream().mapToInt(Transaction::getWeight).sum();
            BlockHeaderInfo header = found.header();
            assertThat(header.weight()).as(header.blockHash()).isEqualTo(weight);
            assertThat(header.size()).isEqualTo(block.messageSize());
            assertThat(header.txCount()).isEqualTo(block.getTransactions().size());
            assertThat(header.blockHash()).isEqualTo(block.getHashAsString());
        }
    }

    @Test
    void tooShort() {
        assertThatThrownBy(() -> BlockDecoder.decode(new byte[80]))
                .isInstanceOf(UndecodableBlockException.class)
                .hasMessage("80 bytes, a block needs 80 header bytes and transactions");
    }

    @Test
    void transactionRunningPastTheEnd() throws IOException {
        byte[] genesis = Entries.read(Network.MAIN, MainnetData.file("blocks-000000-000438.blk")).blocks().get(0).raw();
        assertThatThrownBy(() -> BlockDecoder.decode(Arrays.copyOf(genesis, genesis.length - 1)))
                .isInstanceOf(UndecodableBlockException.class)
                .hasMessage("transaction 0 at byte 81 runs past the end of the block");
    }

    @Test
    void impossibleTransactionCount() throws IOException {
        byte[] genesis = Entries.read(Network.MAIN, MainnetData.file("blocks-000000-000438.blk")).blocks().get(0).raw();
        byte[] bytes = genesis.clone();
        bytes[80] = (byte) 0xfd; // 2-byte little-endian count follows
        bytes[81] = 0x00;
        bytes[82] = 0x01; // 256
        assertThatThrownBy(() -> BlockDecoder.decode(bytes))
                .isInstanceOf(UndecodableBlockException.class)
                .hasMessage("transaction count 256 impossible in 202 bytes of transactions");
    }

    @Test
    void nonCanonicalTransactionCount() throws IOException {
        byte[] genesis = Entries.read(Network.MAIN, MainnetData.file("blocks-000000-000438.blk")).blocks().get(0).raw();
        byte[] bytes = genesis.clone();
        bytes[80] = (byte) 0xfe; // 4-byte count follows: 01 00 00 00 = 1, which fits in one byte
        assertThatThrownBy(() -> BlockDecoder.decode(bytes))
                .isInstanceOf(UndecodableBlockException.class)
                .hasMessage("transaction count 1 written in 5 bytes, not the shortest form");
    }
}
