package io.switchboard.tickets.ui.internal.parts;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import io.switchboard.classifier.Evaluation;
import io.switchboard.tickets.ui.internal.Messages;

/**
 * A confusion matrix as a heat map: one row per actual category, one column per predicted category, each cell
 * shaded by its share of the row (so a small category's mistakes show as clearly as a big one's). The diagonal
 * (right answers) is blue, mistakes are orange to red. Category names run down the left and up the top; with 77
 * categories the picture stays legible because it zooms (buttons, Ctrl+wheel) and scrolls, and hovering a cell
 * names both categories and gives the count. Painting is clipped to what the scrolled view exposes.
 */
public class ConfusionMatrixCanvas {

    public static final int MIN_CELL = 2;
    /** Below this cells carry no labels: the matrix is shown whole, as an overview, and hovering names the cell. */
    public static final int LABELLED_CELL = 6;
    public static final int MAX_CELL = 48;
    private static final int GAP = 6;

    private final ScrolledComposite scroller;
    private final Canvas canvas;
    private final Font labelFont;
    private final Color diagonal;
    private final Color mistake;
    private final Color grid;
    private final Color highlight;

    private Evaluation evaluation;
    private int cell = 14;
    private int rowLabelWidth;
    private int columnLabelHeight;
    private int textHeight = 12;
    private int hoverRow = -1;
    private int hoverColumn = -1;
    private int paints;

    public ConfusionMatrixCanvas(Composite parent) {
        scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        scroller.setExpandHorizontal(false);
        scroller.setExpandVertical(false);
        canvas = new Canvas(scroller, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        scroller.setContent(canvas);
        scroller.getHorizontalBar().setIncrement(16);
        scroller.getVerticalBar().setIncrement(16);

        FontData data = parent.getFont().getFontData()[0];
        labelFont = new Font(parent.getDisplay(), data.getName(), Math.max(7, data.getHeight() - 2), SWT.NORMAL);
        diagonal = new Color(33, 102, 172);
        mistake = new Color(215, 48, 31);
        grid = new Color(225, 225, 225);
        highlight = new Color(255, 200, 0);

        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.MouseMove, this::hover);
        canvas.addListener(SWT.MouseExit, e -> setHover(-1, -1));
        canvas.addListener(SWT.MouseVerticalWheel, e -> {
            if ((e.stateMask & SWT.MOD1) != 0) {
                zoom(e.count > 0 ? 2 : -2);
                e.doit = false;
            }
        });
        scroller.addListener(SWT.Dispose, e -> {
            labelFont.dispose();
        });
        resize();
    }

    public ScrolledComposite control() {
        return scroller;
    }

    public Canvas canvas() {
        return canvas;
    }

    /**
     * Shows an evaluation, or nothing for {@code null}. Cells start as big as the page allows but never smaller than
     * a line of label text, so every category's name is readable; with many categories the picture then scrolls.
     */
    public void setEvaluation(Evaluation newEvaluation) {
        evaluation = newEvaluation;
        hoverRow = -1;
        hoverColumn = -1;
        measureLabels();
        cell = Math.max(fittingCell(), readableCell());
        resize();
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    /** The whole matrix at once: the largest cells with which it fits the visible area; labels may thin out. */
    public void fit() {
        cell = fittingCell();
        resize();
    }

    /** Cells as high as a line of label text, so every category is named; the picture scrolls. */
    public void readable() {
        cell = readableCell();
        resize();
    }

    private int fittingCell() {
        int k = size();
        if (k == 0) {
            return cell;
        }
        // The whole view, as it will be once the scroll bars go away.
        Point view = scroller.getSize();
        int border = 2 * scroller.getBorderWidth();
        int labelled = (Math.min(view.x - border - rowLabelWidth, view.y - border - columnLabelHeight) - 2 * GAP) / k;
        if (labelled >= LABELLED_CELL) {
            return Math.min(MAX_CELL, labelled);
        }
        int bare = (Math.min(view.x - border, view.y - border) - 2 * GAP) / k;
        return Math.max(MIN_CELL, Math.min(LABELLED_CELL - 1, bare));
    }

    private boolean labelled() {
        return cell >= LABELLED_CELL;
    }

    private int left() {
        return labelled() ? rowLabelWidth : GAP;
    }

    private int top() {
        return labelled() ? columnLabelHeight : GAP;
    }

    private int readableCell() {
        return Math.max(MIN_CELL, Math.min(MAX_CELL, textHeight + 3));
    }

    /** Every how many rows a label is written: 1 when every category is named. */
    public int labelStep() {
        if (!labelled()) {
            return Integer.MAX_VALUE;
        }
        return Math.max(1, (int) Math.ceil((double) textHeight / cell));
    }

    public void zoom(int delta) {
        cell = Math.max(MIN_CELL, Math.min(MAX_CELL, cell + delta));
        resize();
    }

    public int cellSize() {
        return cell;
    }

    /** How often the matrix was painted, for tests. */
    public int paints() {
        return paints;
    }

    private int size() {
        return evaluation == null ? 0 : evaluation.categories().size();
    }

    private void measureLabels() {
        rowLabelWidth = 0;
        columnLabelHeight = 0;
        if (evaluation == null) {
            return;
        }
        GC gc = new GC(canvas);
        try {
            gc.setFont(labelFont);
            int widest = 0;
            for (String category : evaluation.categories()) {
                widest = Math.max(widest, gc.textExtent(category).x);
            }
            textHeight = gc.getFontMetrics().getHeight();
            rowLabelWidth = widest + 2 * GAP;
            columnLabelHeight = widest + 2 * GAP;
        } finally {
            gc.dispose();
        }
    }

    private void resize() {
        int k = size();
        Point size = k == 0 ? new Point(1, 1)
                : new Point(left() + k * cell + 2 * GAP, top() + k * cell + 2 * GAP);
        canvas.setSize(size);
        canvas.redraw();
    }

    private int rowTotal(int row) {
        int total = 0;
        for (int count : evaluation.confusion()[row]) {
            total += count;
        }
        return total;
    }

    private void paint(Event e) {
        paints++;
        GC gc = e.gc;
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(e.x, e.y, e.width, e.height);
        int k = size();
        if (k == 0) {
            return;
        }
        int[][] confusion = evaluation.confusion();
        List<String> categories = evaluation.categories();
        int left = left();
        int top = top();
        gc.setFont(labelFont);
        boolean numbers = cell >= 18;
        Color black = canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK);
        Color white = canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE);

        // Only the rows and columns the paint event exposes.
        int firstRow = Math.max(0, (e.y - top) / cell);
        int lastRow = Math.min(k - 1, (e.y + e.height - top) / cell);
        int firstColumn = Math.max(0, (e.x - left) / cell);
        int lastColumn = Math.min(k - 1, (e.x + e.width - left) / cell);
        for (int row = firstRow; row <= lastRow; row++) {
            int total = rowTotal(row);
            for (int column = firstColumn; column <= lastColumn; column++) {
                int count = confusion[row][column];
                int x = left + column * cell;
                int y = top + row * cell;
                double share = total == 0 ? 0 : (double) count / total;
                Color fill = count == 0 ? null : shade(row == column ? diagonal.getRGB() : mistake.getRGB(),
                        row == column ? share : Math.min(1, 0.25 + share * 1.5));
                if (fill != null) {
                    gc.setBackground(fill);
                    gc.fillRectangle(x, y, cell, cell);
                    fill.dispose();
                }
                gc.setForeground(grid);
                gc.drawRectangle(x, y, cell, cell);
                if (numbers && count > 0) {
                    String text = Integer.toString(count);
                    Point extent = gc.textExtent(text);
                    gc.setForeground(share > 0.5 ? white : black);
                    gc.drawText(text, x + (cell - extent.x) / 2, y + (cell - extent.y) / 2, true);
                }
            }
        }
        if (hoverRow >= 0 && hoverColumn >= 0) {
            gc.setForeground(highlight);
            gc.setLineWidth(2);
            gc.drawRectangle(left, top + hoverRow * cell, k * cell, cell);
            gc.drawRectangle(left + hoverColumn * cell, top, cell, k * cell);
            gc.setLineWidth(1);
        }

        if (!labelled()) {
            return;
        }
        // Row labels (actual), right-aligned against the matrix; every row when a label fits the cell's height,
        // else every n-th (and the hovered one).
        int every = labelStep();
        gc.setForeground(black);
        for (int row = 0; row < k; row += 1) {
            if (row % every != 0 && row != hoverRow) {
                continue;
            }
            String label = categories.get(row);
            Point extent = gc.textExtent(label);
            int y = top + row * cell + (cell - extent.y) / 2;
            if (y + extent.y < e.y || y > e.y + e.height) {
                continue;
            }
            gc.setFont(labelFont);
            gc.drawText(label, left - GAP - extent.x, y, true);
        }
        // Column labels (predicted), written upwards.
        Transform transform = new Transform(canvas.getDisplay());
        try {
            for (int column = 0; column < k; column++) {
                if (column % every != 0 && column != hoverColumn) {
                    continue;
                }
                String label = categories.get(column);
                Point extent = gc.textExtent(label);
                int x = left + column * cell + (cell - extent.y) / 2;
                if (x + extent.y < e.x || x > e.x + e.width) {
                    continue;
                }
                transform.identity();
                transform.translate(x, top - GAP);
                transform.rotate(-90);
                gc.setTransform(transform);
                gc.drawText(label, 0, 0, true);
            }
        } finally {
            gc.setTransform(null);
            transform.dispose();
        }
    }

    /** White blended towards the colour by {@code amount} (0 to 1). */
    private Color shade(RGB rgb, double amount) {
        double a = Math.max(0.08, Math.min(1, amount));
        return new Color((int) Math.round(255 + (rgb.red - 255) * a), (int) Math.round(255 + (rgb.green - 255) * a),
                (int) Math.round(255 + (rgb.blue - 255) * a));
    }

    private void hover(Event e) {
        int k = size();
        int[] at = cellAt(e.x, e.y);
        if (k == 0 || at == null) {
            setHover(-1, -1);
            return;
        }
        setHover(at[0], at[1]);
    }

    private void setHover(int row, int column) {
        if (row == hoverRow && column == hoverColumn) {
            return;
        }
        hoverRow = row;
        hoverColumn = column;
        canvas.setToolTipText(row < 0 ? null : tooltip(row, column));
        canvas.redraw();
    }

    /** What hovering a cell tells: both categories, the count and its share of the actual category. */
    public String tooltip(int row, int column) {
        List<String> categories = evaluation.categories();
        int count = evaluation.confusion()[row][column];
        int total = rowTotal(row);
        String percent = total == 0 ? "0" : String.format("%.0f", 100.0 * count / total);
        return NLS.bind(Messages.Matrix_tooltip, new Object[] { categories.get(row), categories.get(column), count,
                total, percent });
    }

    /** The cell under a point of the canvas as {row, column}, or {@code null}; for tests. */
    public int[] cellAt(int x, int y) {
        int k = size();
        if (k == 0 || x < left() || y < top()) {
            return null;
        }
        int row = (y - top()) / cell;
        int column = (x - left()) / cell;
        return row < k && column < k ? new int[] { row, column } : null;
    }

    /** The centre of a cell in canvas coordinates; for tests. */
    public Point centreOf(int row, int column) {
        return new Point(left() + column * cell + cell / 2, top() + row * cell + cell / 2);
    }
}
