package io.switchboard.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

import io.switchboard.core.jobs.MonitorProgress;

class MonitorProgressTest {

    /** A job's monitor that remembers what it was told. */
    private static final class RecordingMonitor extends NullProgressMonitor {
        String task;
        int totalWork;
        int worked;

        @Override
        public void beginTask(String name, int total) {
            task = name;
            totalWork = total;
        }

        @Override
        public void worked(int work) {
            worked += work;
        }
    }

    @Test
    void totalsBeyondIntRangeBecomeTicksThatNeverPassTheEnd() {
        RecordingMonitor monitor = new RecordingMonitor();
        MonitorProgress progress = new MonitorProgress(monitor);
        long bytes = 10_000_000_000L;
        progress.begin("Import", bytes);
        assertEquals("Import", monitor.task);
        assertTrue(monitor.totalWork > 0, "a known total gives a determinate bar");

        progress.worked(bytes / 2);
        assertEquals(monitor.totalWork / 2, monitor.worked);
        assertEquals(0.5, progress.fraction(), 1e-9);
        progress.worked(bytes / 2); // the same total again adds nothing
        assertEquals(monitor.totalWork / 2, monitor.worked);

        progress.worked(bytes * 2);
        assertEquals(monitor.totalWork, monitor.worked, "reporting past the total stops at the end");
        assertEquals(1.0, progress.fraction());
        assertEquals("Import", progress.task());
        assertEquals(bytes, progress.total());
    }

    @Test
    void anUnknownTotalStillMovesTheBar() {
        RecordingMonitor monitor = new RecordingMonitor();
        MonitorProgress progress = new MonitorProgress(monitor);
        progress.begin(null, -1);
        assertEquals(IProgressMonitor.UNKNOWN, monitor.totalWork);
        assertEquals("", progress.task());
        progress.worked(10);
        progress.worked(20);
        assertEquals(2, monitor.worked, "each report moves the bar");
        assertEquals(-1, progress.fraction());
        assertEquals(20, progress.done());
    }

    @Test
    void cancelComesFromTheJob() {
        RecordingMonitor monitor = new RecordingMonitor();
        MonitorProgress progress = new MonitorProgress(monitor);
        assertFalse(progress.isCanceled());
        monitor.setCanceled(true);
        assertTrue(progress.isCanceled());
    }
}
