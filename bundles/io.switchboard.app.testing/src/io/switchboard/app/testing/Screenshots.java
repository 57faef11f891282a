package io.switchboard.app.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** PNG screenshots of real windows, saved where the build tells ({@code switchboard.screenshots}). */
public final class Screenshots {

    public static Path folder() throws IOException {
        Path folder = Path.of(System.getProperty("switchboard.screenshots", "target/screenshots"));
        return Files.createDirectories(folder);
    }

    /** Saves what the screen shows where the shell is, and returns how many distinct colours it holds. */
    public static int save(Shell shell, String name) throws IOException {
        Display display = shell.getDisplay();
        while (display.readAndDispatch()) {
            // let pending paints finish so the picture shows the final state
        }
        // GTK counts space the window does not paint into its bounds; the client area (plus the menu bar above
        // it) is what the user sees.
        Rectangle outer = shell.getBounds();
        Rectangle client = display.map(shell, null, shell.getClientArea());
        Rectangle bounds = new Rectangle(outer.x, outer.y, client.x + client.width - outer.x,
                client.y + client.height - outer.y);
        ImageData data = capture(display, bounds);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { data };
        loader.save(folder().resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        return distinctColours(data);
    }

    /**
     * Saves like {@link #save} and fails when the picture holds no more than four colours: the window was not
     * drawn.
     */
    public static void saveDrawn(Shell shell, String name) throws IOException {
        int colours = save(shell, name);
        if (colours <= 4) {
            throw new AssertionError(name + ".png holds only " + colours + " colours: the window was not drawn");
        }
    }

    /** How many colours the screen shows where the control is: 1 means nothing was painted there. */
    public static int colours(Control control) {
        Display display = control.getDisplay();
        while (display.readAndDispatch()) {
            // let pending paints finish
        }
        return distinctColours(capture(display, display.map(control.getParent(), null, control.getBounds())));
    }

    /**
     * How many colours the screen shows in a part of a control ({@code area} in the control's coordinates, e.g. a
     * table or tree row's bounds): 1 or 2 for an empty row, many for text. 0 for an empty area.
     */
    public static int colours(Control control, Rectangle area) {
        Display display = control.getDisplay();
        while (display.readAndDispatch()) {
            // let pending paints finish
        }
        Rectangle bounds = display.map(control, null, area);
        if (bounds.width <= 0 || bounds.height <= 0) {
            return 0;
        }
        return distinctColours(capture(display, bounds));
    }

    /** What the screen shows in the area, in display coordinates. */
    private static ImageData capture(Display display, Rectangle area) {
        Image image = new Image(display, area.width, area.height);
        try {
            GC gc = new GC(display);
            try {
                gc.copyArea(image, area.x, area.y);
            } finally {
                gc.dispose();
            }
            return image.getImageData();
        } finally {
            image.dispose();
        }
    }

    private static int distinctColours(ImageData data) {
        Set<Integer> colours = new HashSet<>();
        int step = data.width * data.height > 100_000 ? 3 : 1;
        for (int y = 0; y < data.height; y += step) {
            for (int x = 0; x < data.width; x += step) {
                colours.add(data.getPixel(x, y));
            }
        }
        return colours.size();
    }

    private Screenshots() {
    }
}
