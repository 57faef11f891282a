package io.switchboard.store;

/** The database products the store can run on; only the embedded one exists today. */
public enum Dialect {

    DERBY("Derby"),
    POSTGRESQL("PostgreSQL");

    private final String eclipseLinkPlatform;

    Dialect(String eclipseLinkPlatform) {
        this.eclipseLinkPlatform = eclipseLinkPlatform;
    }

    /** The value of EclipseLink's {@code eclipselink.target-database} for this product. */
    public String eclipseLinkPlatform() {
        return eclipseLinkPlatform;
    }
}
