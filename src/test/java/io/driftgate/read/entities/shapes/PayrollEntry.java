package io.driftgate.read.entities.shapes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** Mapping shapes: a non-public schema, a quoted mixed-case table name, a non-ASCII column, a cross-schema key. */
@Entity
@Table(schema = "hr", name = "\"Payroll Entry\"", indexes = @Index(columnList = "office_id DESC"))
public class PayrollEntry {

    @Id
    private Long id;

    @Column(name = "\"Betrag€\"", precision = 12, scale = 2, nullable = false)
    private BigDecimal amount;

    @ManyToOne
    private Office office;
}
