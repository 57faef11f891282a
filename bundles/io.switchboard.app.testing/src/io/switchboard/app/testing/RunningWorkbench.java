package io.switchboard.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.app.AppIds;

/**
 * Starts the real workbench from the product's application model in a real SWT display (Xvfb in the build)
 * and runs checks on the UI thread one after another, each once the UI has settled, then closes it.
 */
public final class RunningWorkbench {

    private static final int STEP_DELAY_MS = 400;
    private static final int WATCHDOG_MS = 240_000;

    /** One thing to do or check on the UI thread. */
    @FunctionalInterface
    public interface Step {
        void run(RunningWorkbench workbench) throws Exception;
    }

    private final E4Workbench workbench;
    private final List<Throwable> failures = new ArrayList<>();
    private final List<String> visited = new ArrayList<>();

    private RunningWorkbench(E4Workbench workbench) {
        this.workbench = workbench;
    }

    /** Runs the steps in a new workbench and fails with every step's failure if any step failed. */
    public static void run(List<Step> steps) {
        try {
            FreshDataFolder.use();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Display display = Display.getDefault();
        RunningWorkbench running = new RunningWorkbench(
                new E4Application().createE4Workbench(new ProductApplicationContext(), display));
        running.schedule(display, steps);
        display.timerExec(WATCHDOG_MS, () -> {
            running.failures.add(new AssertionError("workbench checks did not finish within " + WATCHDOG_MS + " ms"));
            running.workbench.close();
        });
        running.workbench.createAndRunUI(running.application());

        if (!running.failures.isEmpty()) {
            AssertionError error = new AssertionError("workbench checks failed after " + running.visited);
            running.failures.forEach(error::addSuppressed);
            throw error;
        }
        if (running.visited.size() != steps.size()) {
            throw new AssertionError("not every step ran: " + running.visited);
        }
    }

    public MApplication application() {
        return workbench.getApplication();
    }

    public EModelService models() {
        return application().getContext().get(EModelService.class);
    }

    public <T> T find(String id, Class<T> type) {
        Object element = models().find(id, application());
        if (!type.isInstance(element)) {
            throw new AssertionError(id + " is " + element + ", not a " + type.getSimpleName());
        }
        return type.cast(element);
    }

    public MTrimmedWindow window() {
        return find(AppIds.WINDOW_MAIN, MTrimmedWindow.class);
    }

    public Shell shell() {
        return (Shell) window().getWidget();
    }

    /** Lets the UI work (events, timers, async results) until the condition holds. */
    public void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, condition, () -> "");
    }

    /** As above; {@code state} says what was seen instead when the wait times out. */
    public void waitUntil(String what, BooleanSupplier condition, Supplier<String> state) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting until " + what + state.get());
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    private void schedule(Display display, List<Step> steps) {
        Runnable[] next = new Runnable[1];
        int[] index = { 0 };
        next[0] = () -> {
            if (index[0] >= steps.size() || !failures.isEmpty()) {
                workbench.close();
                return;
            }
            int current = index[0]++;
            try {
                steps.get(current).run(this);
                visited.add("step " + (current + 1));
            } catch (Throwable t) {
                failures.add(new AssertionError("step " + (current + 1) + " failed", t));
            }
            display.timerExec(STEP_DELAY_MS, next[0]);
        };
        display.timerExec(1000, next[0]);
    }
}
