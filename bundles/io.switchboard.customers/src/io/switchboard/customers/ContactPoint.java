package io.switchboard.customers;

/** One way to reach a customer; one of each kind is primary. */
public class ContactPoint {

    private Long id;
    private ContactKind kind;
    private String value;
    /** Free text: "work", "home", or the chat network ("WeChat", "WhatsApp") for chat handles. */
    private String label;
    private boolean primary;

    public ContactPoint() {
    }

    public ContactPoint(ContactKind kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public ContactKind getKind() { return kind; }
    public void setKind(ContactKind kind) { this.kind = kind; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public boolean isPrimary() { return primary; }
    public void setPrimary(boolean primary) { this.primary = primary; }

    @Override
    public String toString() {
        return kind + ":" + value + (primary ? "*" : "");
    }
}
