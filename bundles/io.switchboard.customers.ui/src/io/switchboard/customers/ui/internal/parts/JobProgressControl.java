package io.switchboard.customers.ui.internal.parts;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.ProgressBar;

import io.switchboard.core.jobs.MonitorProgress;
import io.switchboard.customers.ui.CustomersUi;
import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.customers.ui.internal.jobs.CustomerJob;

/**
 * Progress of a running import, export or scan above the customer list, with a link that cancels it. A plain e4
 * workbench has no progress view, and a modal dialog would stop the agent from working while a large file
 * imports.
 */
public class JobProgressControl {

    static final int POLL_MS = 200;
    private static final int BAR_TICKS = 1000;

    private Composite root;
    private Label label;
    private ProgressBar bar;
    private Link cancel;
    private Display display;
    private boolean polling;
    private Boolean shown;

    private final JobChangeAdapter listener = new JobChangeAdapter() {
        @Override
        public void scheduled(IJobChangeEvent event) {
            if (event.getJob().belongsTo(CustomersUi.JOB_FAMILY) && !display.isDisposed()) {
                display.asyncExec(JobProgressControl.this::update);
            }
        }
    };

    public JobProgressControl(Composite parent) {
        display = parent.getDisplay();
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(8, 0).applyTo(root);
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(root);
        bar = new ProgressBar(root, SWT.SMOOTH | SWT.HORIZONTAL);
        bar.setMaximum(BAR_TICKS);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(140, SWT.DEFAULT).applyTo(bar);
        label = new Label(root, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).applyTo(label);
        cancel = new Link(root, SWT.NONE);
        cancel.setText("<a>" + Messages.Progress_cancel + "</a>");
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(cancel);
        cancel.addListener(SWT.Selection, e -> {
            for (Job job : Job.getJobManager().find(CustomersUi.JOB_FAMILY)) {
                job.cancel();
            }
            cancel.setEnabled(false);
        });
        show(false);
        Job.getJobManager().addJobChangeListener(listener);
        root.addListener(SWT.Dispose, e -> Job.getJobManager().removeJobChangeListener(listener));
        display.asyncExec(this::update);
    }

    private void update() {
        if (root.isDisposed()) {
            return;
        }
        Job[] jobs = Job.getJobManager().find(CustomersUi.JOB_FAMILY);
        if (jobs.length == 0) {
            polling = false;
            show(false);
            return;
        }
        Job job = jobs[0];
        MonitorProgress progress = job instanceof CustomerJob<?> customerJob ? customerJob.progress() : null;
        String task = progress == null || progress.task().isEmpty() ? job.getName() : progress.task();
        String text = jobs.length > 1 ? NLS.bind(Messages.Progress_more, task, jobs.length - 1) : task;
        if (!text.equals(label.getText())) {
            label.setText(text);
            label.setToolTipText(text);
            root.requestLayout();
        }
        double fraction = progress == null ? -1 : progress.fraction();
        bar.setSelection(fraction < 0 ? 0 : (int) (fraction * BAR_TICKS));
        cancel.setEnabled(true);
        show(true);
        if (!polling) {
            polling = true;
            display.timerExec(POLL_MS, this::poll);
        }
    }

    private void poll() {
        if (polling) {
            polling = false;
            update();
        }
    }

    private void show(boolean visible) {
        if (shown != null && shown == visible) {
            return;
        }
        shown = visible;
        for (Control child : root.getChildren()) {
            child.setVisible(visible);
            ((GridData) child.getLayoutData()).exclude = !visible;
        }
        root.setVisible(visible);
        ((GridData) root.getLayoutData()).exclude = !visible;
        root.requestLayout();
    }

    /** The link that cancels the running jobs, for tests. */
    public Link cancelLink() {
        return cancel;
    }

    /** What the control shows, for tests: empty when no job runs. */
    public String text() {
        return root.getVisible() ? label.getText() : "";
    }
}
