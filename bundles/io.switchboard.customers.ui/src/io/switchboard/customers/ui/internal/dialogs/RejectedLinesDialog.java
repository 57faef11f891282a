package io.switchboard.customers.ui.internal.dialogs;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.ui.forms.FormTables;

/** The lines an import left out and why, so the agent can fix the file and import it again. */
public class RejectedLinesDialog extends Dialog {

    /** One rejected line of the file. */
    public record Rejected(long line, String reason) {
    }

    private static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;

    private final String file;
    private final List<Rejected> rejected;
    private final long total;

    /**
     * @param total how many lines were rejected; more than {@code rejected} holds when the list was cut short
     */
    public RejectedLinesDialog(Shell parent, String file, List<Rejected> rejected, long total) {
        super(parent);
        this.file = file;
        this.rejected = rejected;
        this.total = total;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Rejected_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().margins(12, 12).spacing(0, 8).applyTo(area);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(total > rejected.size() ? NLS.bind(Messages.Rejected_someShown, new Object[] { total, file,
                rejected.size() }) : NLS.bind(Messages.Rejected_intro, total, file));
        GridDataFactory.fillDefaults().grab(true, false).hint(620, SWT.DEFAULT).applyTo(intro);

        TableViewer viewer = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(620, 300).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        TableViewerColumn line = new TableViewerColumn(viewer, SWT.RIGHT);
        line.getColumn().setText(Messages.Column_line);
        line.getColumn().setWidth(80);
        line.setLabelProvider(FormTables.cellTexts(r -> Long.toString(((Rejected) r).line())));
        TableViewerColumn reason = new TableViewerColumn(viewer, SWT.LEFT);
        reason.getColumn().setText(Messages.Column_reason);
        reason.getColumn().setWidth(520);
        reason.setLabelProvider(FormTables.cellTexts(r -> ((Rejected) r).reason()));
        viewer.setInput(rejected);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, COPY_ID, Messages.Rejected_copy, false);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == COPY_ID) {
            StringBuilder text = new StringBuilder();
            for (Rejected r : rejected) {
                text.append(NLS.bind(Messages.Rejected_copyLine, r.line(), r.reason())).append(System.lineSeparator());
            }
            Clipboard clipboard = new Clipboard(getShell().getDisplay());
            try {
                clipboard.setContents(new Object[] { text.toString() }, new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
        } else if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    protected Point getInitialSize() {
        return new Point(Math.max(super.getInitialSize().x, 680), Math.max(super.getInitialSize().y, 460));
    }
}
