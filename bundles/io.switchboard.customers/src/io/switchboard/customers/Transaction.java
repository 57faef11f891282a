package io.switchboard.customers;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An order, booking or other purchase of the customer's. */
public class Transaction {

    private Long id;
    /** The order or booking number in the shop or booking system. */
    private String reference;
    private LocalDate date;
    private BigDecimal amount;
    /** ISO 4217 code, e.g. {@code EUR}, {@code CNY}. */
    private String currency;
    /** Free text from the source system: "paid", "shipped", "refunded", "cancelled", ... */
    private String status;
    private String description;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
