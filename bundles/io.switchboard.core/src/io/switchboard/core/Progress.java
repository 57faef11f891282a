package io.switchboard.core;

/**
 * Progress of long work (an import, an export, a scan, training) reported by headless services. Eclipse jobs
 * adapt it to their progress monitor ({@link io.switchboard.core.jobs.MonitorProgress}), the command line to a
 * line on stderr; both can cancel.
 */
public interface Progress {

    /** Nothing is shown and nothing cancels. */
    Progress NONE = new Progress() {
        @Override
        public void begin(String task, long totalWork) {
        }

        @Override
        public void worked(long done) {
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };

    /**
     * @param totalWork units of work to expect (bytes, rows), or {@code -1} when unknown
     */
    void begin(String task, long totalWork);

    /** Total units done so far (not an increment). */
    void worked(long done);

    /** Services check this between steps and stop early, leaving stored data whole. */
    boolean isCanceled();
}
