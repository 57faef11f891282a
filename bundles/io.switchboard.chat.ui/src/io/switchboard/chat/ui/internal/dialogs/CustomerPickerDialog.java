package io.switchboard.chat.ui.internal.dialogs;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.switchboard.chat.ui.internal.Messages;
import io.switchboard.chat.ui.internal.jobs.ChatJob;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.ui.lists.Debounce;

/**
 * Picks the customer a conversation belongs to: a search over the customer store (name, e-mail, phone, company as
 * the customer list searches), started with the conversation's handle. The customers UI has no picker of its own;
 * this uses the same query the ticket editor's customer field uses.
 */
public class CustomerPickerDialog extends TitleAreaDialog {

    static final int LIMIT = 50;

    private final CustomerRepository customers;
    private final String initialText;
    private Text search;
    private Table table;
    private Label count;
    private Debounce searchSoon;
    private List<CustomerSummary> found = List.of();
    private CustomerSummary chosen;
    private int generation;
    private boolean searching;

    public CustomerPickerDialog(Shell parent, CustomerRepository customers, String initialText) {
        super(parent);
        this.customers = customers;
        this.initialText = initialText == null ? "" : initialText;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Picker_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Picker_title);
        setMessage(Messages.Picker_message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(10, 10).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        search = new Text(body, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage(Messages.Picker_searchHint);
        search.setText(initialText);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(search);
        table = new Table(body, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column(Messages.Picker_name, 200);
        column(Messages.Picker_email, 220);
        column(Messages.Picker_company, 160);
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 260).applyTo(table);
        count = new Label(body, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(count);

        searchSoon = new Debounce(parent.getDisplay(), this::searchNow);
        search.addListener(SWT.Modify, e -> searchSoon.trigger(250));
        table.addListener(SWT.Selection, e -> updateOk());
        table.addListener(SWT.DefaultSelection, e -> {
            if (table.getSelectionIndex() >= 0) {
                okPressed();
            }
        });
        searchNow();
        return area;
    }

    private void column(String text, int width) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(text);
        column.setWidth(width);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Picker_ok, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        updateOk();
    }

    private void searchNow() {
        String text = search.getText().trim();
        CustomerQuery query = (text.isEmpty() ? CustomerQuery.ALL : CustomerQuery.ALL.withText(text)).page(0, LIMIT);
        int mine = ++generation;
        searching = true;
        ChatJob.schedule(Messages.Job_customers, getShell().getDisplay(), () -> customers.list(query), rows -> {
            if (mine != generation || table.isDisposed()) {
                return;
            }
            searching = false;
            found = rows;
            table.removeAll();
            for (CustomerSummary customer : rows) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(new String[] { nz(customer.name()), nz(customer.email()), nz(customer.company()) });
            }
            if (rows.size() == 1) {
                table.select(0);
            }
            count.setText(rows.isEmpty() ? Messages.Picker_none
                    : rows.size() == 1 ? Messages.Picker_foundOne
                    : rows.size() >= LIMIT ? NLS.bind(Messages.Picker_more, LIMIT)
                            : NLS.bind(Messages.Picker_found, rows.size()));
            updateOk();
        }, error -> {
            if (mine == generation && !table.isDisposed()) {
                searching = false;
                setErrorMessage(NLS.bind(Messages.Picker_failed, error.getMessage()));
            }
        });
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private void updateOk() {
        var ok = getButton(IDialogConstants.OK_ID);
        if (ok != null && table != null) {
            ok.setEnabled(table.getSelectionIndex() >= 0);
        }
    }

    @Override
    protected void okPressed() {
        int index = table.getSelectionIndex();
        if (index < 0 || index >= found.size()) {
            return;
        }
        chosen = found.get(index);
        super.okPressed();
    }

    /** The customer picked, or {@code null}. */
    public CustomerSummary chosen() {
        return chosen;
    }

    // For tests.

    public Text searchBox() {
        return search;
    }

    public Table table() {
        return table;
    }

    public boolean isSearching() {
        return searching;
    }
}
