package io.switchboard.customers.ui.internal.dialogs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerMerger.Field;
import io.switchboard.customers.CustomerMerger.Side;
import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.customers.ui.internal.parts.Labels;
import io.switchboard.ui.forms.DateTexts;

/**
 * Two records of one customer side by side. The agent picks which record stays (its id is what tickets and
 * mail point to) and, for each field the records disagree on, which value to keep. What both records hold in
 * lists (contact points, purchases, needs, tags, custom fields, timeline) is kept from both, and the dialog says
 * so, so the agent knows nothing there is lost.
 */
public class MergeDialog extends TitleAreaDialog {

    private static final Field[] FIELDS = Field.values();

    private final Customer left;
    private final Customer right;
    private final Map<Field, Button[]> choices = new EnumMap<>(Field.class);
    private Button keepLeft;
    private Button keepRight;
    private Label summary;

    private long keptId;
    private long otherId;
    private Map<Field, Side> result;

    public MergeDialog(Shell parent, Customer left, Customer right) {
        super(parent);
        this.left = left;
        this.right = right;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Merge_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Merge_heading);
        setMessage(Messages.Merge_message);
        Composite area = (Composite) super.createDialogArea(parent);

        // Each row's two radio buttons form their own group; SWT would otherwise group every radio in the grid.
        Composite grid = new Composite(area, SWT.NO_RADIO_GROUP);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(16, 12).spacing(16, 8).equalWidth(false).applyTo(grid);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(grid);

        new Label(grid, SWT.NONE);
        header(grid, left);
        header(grid, right);

        Label keepLabel = new Label(grid, SWT.NONE);
        keepLabel.setText(Messages.Merge_keepRecord);
        keepLabel.setFont(JFaceResources.getBannerFont());
        keepLeft = radio(grid, NLS.bind(Messages.Merge_recordId, left.getId()));
        keepRight = radio(grid, NLS.bind(Messages.Merge_recordId, right.getId()));
        pair(keepLeft, keepRight);
        keepLeft.setSelection(true);

        separator(grid);

        for (Field field : FIELDS) {
            Label label = new Label(grid, SWT.NONE);
            label.setText(fieldLabel(field));
            GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(label);
            String a = value(left, field);
            String b = value(right, field);
            Button radioLeft = radio(grid, a.isEmpty() ? Messages.Merge_empty : a);
            Button radioRight = radio(grid, b.isEmpty() ? Messages.Merge_empty : b);
            pair(radioLeft, radioRight);
            // Prefer a value over an empty one, so a merge never blanks a field by accident.
            boolean takeRight = a.isEmpty() && !b.isEmpty();
            radioLeft.setSelection(!takeRight);
            radioRight.setSelection(takeRight);
            if (Objects.equals(a, b)) {
                radioRight.setEnabled(false);
                radioLeft.setEnabled(false);
                radioLeft.setToolTipText(Messages.Merge_same);
                radioRight.setToolTipText(Messages.Merge_same);
            }
            choices.put(field, new Button[] { radioLeft, radioRight });
        }

        separator(grid);

        Label keptLabel = new Label(grid, SWT.NONE);
        keptLabel.setText(Messages.Merge_keptFromBoth);
        keptLabel.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(keptLabel);
        summary = new Label(grid, SWT.WRAP);
        summary.setText(keptFromBoth());
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(520, SWT.DEFAULT).applyTo(summary);
        return area;
    }

    private void header(Composite grid, Customer customer) {
        Composite box = new Composite(grid, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(box);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(box);
        Label name = new Label(box, SWT.NONE);
        name.setText(text(customer.getName()));
        name.setFont(JFaceResources.getHeaderFont());
        Label detail = new Label(box, SWT.NONE);
        detail.setText(
                NLS.bind(Messages.Merge_recordDetail, customer.getId(), DateTexts.dateTime(customer.getUpdatedAt())));
    }

    private static Button radio(Composite grid, String text) {
        Button button = new Button(grid, SWT.RADIO);
        button.setText(text.replace("&", "&&"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
        return button;
    }

    private static void pair(Button a, Button b) {
        a.addListener(SWT.Selection, e -> b.setSelection(!a.getSelection()));
        b.addListener(SWT.Selection, e -> a.setSelection(!b.getSelection()));
    }

    private static void separator(Composite grid) {
        Label line = new Label(grid, SWT.SEPARATOR | SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(line);
    }

    private String keptFromBoth() {
        List<String> lines = new ArrayList<>();
        Set<String> contacts = new LinkedHashSet<>();
        for (Customer customer : List.of(left, right)) {
            for (ContactPoint point : customer.getContactPoints()) {
                contacts.add(Labels.KINDS.text(point.getKind()) + " " + text(point.getValue()));
            }
        }
        lines.add(NLS.bind(Messages.Merge_keptContacts, contacts.size(), String.join(", ", contacts)));
        lines.add(NLS.bind(Messages.Merge_keptTransactions, left.getTransactions().size() + right.getTransactions().size()));
        lines.add(NLS.bind(Messages.Merge_keptNeeds, left.getNeeds().size() + right.getNeeds().size()));
        Set<String> tags = new LinkedHashSet<>(left.getTags());
        tags.addAll(right.getTags());
        lines.add(NLS.bind(Messages.Merge_keptTags, tags.isEmpty() ? "\u2013" : String.join(", ", tags)));
        Set<String> keys = new LinkedHashSet<>(left.getCustomFields().keySet());
        keys.addAll(right.getCustomFields().keySet());
        lines.add(NLS.bind(Messages.Merge_keptFields, keys.isEmpty() ? "\u2013" : String.join(", ", keys)));
        lines.add(Messages.Merge_keptTimeline);
        return "\u2022 " + String.join("\n\u2022 ", lines);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Merge_ok, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected Point getInitialSize() {
        Point size = super.getInitialSize();
        return new Point(Math.max(size.x, 820), size.y);
    }

    @Override
    protected void okPressed() {
        boolean leftKept = keepLeft.getSelection();
        keptId = leftKept ? left.getId() : right.getId();
        otherId = leftKept ? right.getId() : left.getId();
        result = new EnumMap<>(Field.class);
        for (Field field : FIELDS) {
            boolean leftValue = choices.get(field)[0].getSelection();
            result.put(field, leftValue == leftKept ? Side.KEPT : Side.OTHER);
        }
        super.okPressed();
    }

    public long keptId() {
        return keptId;
    }

    public long otherId() {
        return otherId;
    }

    /** Per field, which record's value the agent chose; valid after OK. */
    public Map<Field, Side> choices() {
        return result;
    }

    // For tests.

    public Button keepButton(boolean leftRecord) {
        return leftRecord ? keepLeft : keepRight;
    }

    public Button choice(Field field, boolean leftRecord) {
        return choices.get(field)[leftRecord ? 0 : 1];
    }

    public String keptFromBothText() {
        return summary.getText();
    }

    static String fieldLabel(Field field) {
        return switch (field) {
        case NAME -> Messages.Field_name;
        case COMPANY -> Messages.Field_company;
        case COUNTRY -> Messages.Field_country;
        case CITY -> Messages.Field_city;
        case LANGUAGE -> Messages.Field_language;
        };
    }

    static String value(Customer customer, Field field) {
        Function<Customer, String> getter = switch (field) {
        case NAME -> Customer::getName;
        case COMPANY -> Customer::getCompany;
        case COUNTRY -> Customer::getCountry;
        case CITY -> Customer::getCity;
        case LANGUAGE -> Customer::getLanguage;
        };
        return text(getter.apply(customer));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
