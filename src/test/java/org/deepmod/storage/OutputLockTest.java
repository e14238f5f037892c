package org.deepmod.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deepmod.CapturedOutput;

/** The output folder's lock: refused while its holder lives, taken over when the holder is gone or silent. */
class OutputLockTest {
    @TempDir
    Path dir;

    private FileSystem fs() throws IOException {
        return FileSystem.getLocal(new Configuration()).getRaw();
    }

    private org.apache.hadoop.fs.Path output() {
        return new org.apache.hadoop.fs.Path(dir.toUri());
    }

    @Test
    void aHeldLockIsRefusedNamingItsHolderAndReleasedOnClose() throws IOException {
        CapturedOutput log = new CapturedOutput();
        try (OutputLock lock = OutputLock.acquire(fs(), output(), log.out)) {
            assertTrue(Files.isRegularFile(dir.resolve(OutputLock.NAME)));
            BadInputException e = assertThrows(BadInputException.class,
                    () -> OutputLock.acquire(fs(), output(), log.out));
            assertTrue(e.getMessage().contains("another sweep or run is writing to this folder"), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().contains(OutputLock.NAME), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve(OutputLock.NAME)), "released");
        OutputLock.acquire(fs(), output(), log.out).close();
        assertEquals("", log.text(), "nothing was taken over");
    }

    /** A lock left by a process that ended (kill -9: no chance to release it) is taken over at once. */
    @Test
    void theLockOfAProcessThatIsGoneIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
        writeLock(gone.pid(), OutputLock.host());
        CapturedOutput log = new CapturedOutput();
        try (OutputLock lock = OutputLock.acquire(fs(), output(), log.out)) {
            assertTrue(log.text().contains("taking over the lock"), log.text());
            assertTrue(log.text().contains("process " + gone.pid() + " is gone"), log.text());
        }
    }

    /** A holder on another host cannot be asked: its heartbeat, older than the bound, says it is gone. */
    @Test
    void aLockWithAnOldHeartbeatIsTakenOverAndAFreshOneIsNot() throws Exception {
        writeLock(ProcessHandle.current().pid(), "another-host");
        BadInputException fresh = assertThrows(BadInputException.class,
                () -> OutputLock.acquire(fs(), output(), new CapturedOutput().out));
        assertTrue(fresh.getMessage().contains("@another-host pid "), fresh.getMessage());
        long old = System.currentTimeMillis() - OutputLock.STALE_AFTER.toMillis() - 60_000;
        Files.setLastModifiedTime(dir.resolve(OutputLock.NAME), java.nio.file.attribute.FileTime.fromMillis(old));
        CapturedOutput log = new CapturedOutput();
        OutputLock.acquire(fs(), output(), log.out).close();
        assertTrue(log.text().contains("its heartbeat is "), log.text());
    }

    private void writeLock(long pid, String host) throws IOException {
        Files.writeString(dir.resolve(OutputLock.NAME), "{\"owner\": \"someone\", \"host\": \"" + host
                + "\", \"pid\": " + pid + ", \"started\": \"2026-01-01T00:00:00Z\", \"token\": \"t\"}");
    }
}
