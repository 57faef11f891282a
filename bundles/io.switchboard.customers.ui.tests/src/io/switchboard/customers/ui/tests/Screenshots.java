package io.switchboard.customers.ui.tests;

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
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** PNG screenshots of real windows, saved where the build tells ({@code switchboard.screenshots}). */
final class Screenshots {

    static Path folder() throws IOException {
        Path folder = Path.of(System.getProperty("switchboard.screenshots", "target/screenshots"));
        return Files.createDirectories(folder);
    }

    /** Saves what the screen shows where the shell is, and returns how many distinct colours it holds. */
    static int save(Shell shell, String name) throws IOException {
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
        Image image = new Image(display, bounds.width, bounds.height);
        try {
            GC gc = new GC(display);
            try {
                gc.copyArea(image, bounds.x, bounds.y);
            } finally {
                gc.dispose();
            }
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            loader.save(folder().resolve(name + ".png").toString(), SWT.IMAGE_PNG);
            return distinctColours(data);
        } finally {
            image.dispose();
        }
    }

    private static int distinctColours(ImageData data) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < data.height; y += 3) {
            for (int x = 0; x < data.width; x += 3) {
                colours.add(data.getPixel(x, y));
            }
        }
        return colours.size();
    }

    private Screenshots() {
    }
}
