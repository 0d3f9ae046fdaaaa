package io.wafleet.common.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void createsTheKeyFileOnceReadableByItsOwnerOnlyAndReusesIt() throws Exception {
        byte[] first = MasterKey.load(null, dataDir);
        Path file = dataDir.resolve(MasterKey.FILE_NAME);
        String stored = Files.readString(file);

        byte[] second = MasterKey.load("", dataDir);

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(Files.readString(file)).isEqualTo(stored);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.list(dataDir)).containsExactly(file);
    }

    @Test
    void processesRacingToCreateTheKeyAllEndUpWithTheSameOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<byte[]>> loads = IntStream.range(0, 8).<Callable<byte[]>>mapToObj(i -> () -> MasterKey.load(null, dataDir)).toList();
            List<byte[]> keys = pool.invokeAll(loads).stream().map(MasterKeyTest::get).toList();

            assertThat(keys).allSatisfy(key -> assertThat(key).isEqualTo(keys.getFirst()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aConfiguredKeyWinsAndNoFileIsWritten() {
        byte[] configured = new byte[32];
        configured[0] = 7;

        byte[] key = MasterKey.load(Base64.getEncoder().encodeToString(configured), dataDir);

        assertThat(key).isEqualTo(configured);
        assertThat(dataDir.resolve(MasterKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void aConfiguredKeyOfTheWrongSizeIsRefusedWithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.load(shortKey, dataDir))
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
    }

    private static byte[] get(Future<byte[]> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
