package io.switchboard.customers.ui.internal.dialogs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.DuplicateFinder;
import io.switchboard.customers.DuplicateFinder.DuplicateGroup;
import io.switchboard.customers.DuplicateFinder.Reason;
import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.ui.forms.FormTables;

/** The groups a duplicate scan found; the agent picks two customers of a group and merges them. */
public class DuplicatesDialog extends Dialog {

    private static final int MERGE_ID = IDialogConstants.CLIENT_ID + 1;

    private final List<DuplicateGroup> groups;
    private final Consumer<List<CustomerSummary>> merge;
    private TreeViewer viewer;
    private Button mergeButton;

    public DuplicatesDialog(Shell parent, List<DuplicateGroup> groups, Consumer<List<CustomerSummary>> merge) {
        super(parent);
        this.groups = groups;
        this.merge = merge;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Duplicates_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().margins(12, 12).spacing(0, 8).applyTo(area);
        Label intro = new Label(area, SWT.WRAP);
        String found = groups.isEmpty() ? Messages.Duplicates_none
                : groups.size() == 1 ? Messages.Duplicates_foundOne : NLS.bind(Messages.Duplicates_found, groups.size());
        if (!DuplicateFinder.truncated(groups).isEmpty()) {
            found += "\n" + NLS.bind(Messages.Duplicates_truncated, DuplicateFinder.MAX_GROUPS_PER_REASON);
        }
        intro.setText(found);
        GridDataFactory.fillDefaults().grab(true, false).hint(900, SWT.DEFAULT).applyTo(intro);

        viewer = new TreeViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(960, 360).applyTo(viewer.getTree());
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return groups.toArray();
            }

            @Override
            public Object[] getChildren(Object element) {
                return element instanceof DuplicateGroup group ? group.customers().toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof DuplicateGroup;
            }
        });
        // A group's row names its reasons in the first column and shows the shared address or number in its own
        // column, so that several reasons fit without being cut off; the similar names are the rows below it.
        column(Messages.Column_name, 270, e -> e instanceof DuplicateGroup g ? reasonNames(g)
                : ((CustomerSummary) e).name());
        column(Messages.Column_email, 240, e -> e instanceof CustomerSummary c ? c.email()
                : ((DuplicateGroup) e).reasons().getOrDefault(Reason.SAME_EMAIL, ""));
        column(Messages.Column_phone, 140, e -> e instanceof CustomerSummary c ? c.phone()
                : ((DuplicateGroup) e).reasons().getOrDefault(Reason.SAME_PHONE, ""));
        column(Messages.Column_company, 180, e -> e instanceof CustomerSummary c ? c.company() : "");
        column(Messages.Column_city, 110, e -> e instanceof CustomerSummary c ? c.city() : "");
        viewer.setInput(groups);
        viewer.expandAll();
        viewer.addSelectionChangedListener(e -> mergeButton.setEnabled(selectedPair() != null));
        viewer.addDoubleClickListener(e -> {
            if (selectedPair() != null) {
                buttonPressed(MERGE_ID);
            }
        });
        return area;
    }

    private void column(String header, int width, Function<Object, String> text) {
        TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(header);
        column.getColumn().setWidth(width);
        column.setLabelProvider(FormTables.cellTexts(text));
    }

    /** The group's reasons by name, e.g. "Same phone, Similar name". */
    static String reasonNames(DuplicateGroup group) {
        return group.reasons().keySet().stream().map(DuplicatesDialog::reason)
                .collect(Collectors.joining(Messages.Duplicates_reasonSeparator));
    }

    static String reason(Reason reason) {
        return switch (reason) {
        case SAME_EMAIL -> Messages.Duplicates_sameEmail;
        case SAME_PHONE -> Messages.Duplicates_samePhone;
        case SIMILAR_NAME -> Messages.Duplicates_similarName;
        };
    }

    /** Two customers to merge: two selected rows, or a selected group of exactly two. */
    List<CustomerSummary> selectedPair() {
        List<?> selection = viewer.getStructuredSelection().toList();
        if (selection.size() == 1 && selection.get(0) instanceof DuplicateGroup group && group.customers().size() == 2) {
            return group.customers();
        }
        List<CustomerSummary> customers = new ArrayList<>();
        for (Object element : selection) {
            if (element instanceof CustomerSummary customer) {
                customers.add(customer);
            }
        }
        return customers.size() == 2 ? customers : null;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        mergeButton = createButton(parent, MERGE_ID, Messages.Duplicates_merge, false);
        mergeButton.setEnabled(false);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == MERGE_ID) {
            List<CustomerSummary> pair = selectedPair();
            if (pair != null) {
                close();
                merge.accept(pair);
            }
        } else if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    protected Point getInitialSize() {
        return new Point(Math.max(super.getInitialSize().x, 1000), Math.max(super.getInitialSize().y, 520));
    }

    public TreeViewer viewer() {
        return viewer;
    }
}
