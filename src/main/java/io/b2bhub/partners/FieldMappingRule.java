package io.b2bhub.partners;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Locale;

/** One row of a partner's field mapping for a flow: our field, theirs, and the value type. */
@Entity
@Table(name = "field_mapping")
@NamedQuery(
    name = "FieldMappingRule.findByPartnerAndFlow",
    query =
        "SELECT r FROM FieldMappingRule r WHERE r.partner = :partner AND r.flow = :flow"
            + " ORDER BY r.position")
@NamedQuery(
    name = "FieldMappingRule.deleteByPartnerAndFlow",
    query = "DELETE FROM FieldMappingRule r WHERE r.partner = :partner AND r.flow = :flow")
public class FieldMappingRule {
  @Id
  @SequenceGenerator(
      name = "field_mapping_seq",
      sequenceName = "field_mapping_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "field_mapping_seq")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "partner_ref", nullable = false)
  private Partner partner;

  @Column(nullable = false, length = 32)
  private String flow;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = 64)
  private String ours;

  @Column(name = "partner_field", nullable = false, length = 64)
  private String partnerField;

  @Column(name = "field_type", nullable = false, length = 16)
  private String fieldType;

  @Column(length = 200)
  private String notes;

  protected FieldMappingRule() {}

  FieldMappingRule(Partner partner, String flow, int position, FieldMapping.Rule rule) {
    this.partner = partner;
    this.flow = flow;
    this.position = position;
    this.ours = rule.ours();
    this.partnerField = rule.partner();
    this.fieldType = rule.type().name().toLowerCase(Locale.ROOT);
    this.notes = rule.notes();
  }

  FieldMapping.Rule rule() {
    return new FieldMapping.Rule(ours, partnerField, FieldMapping.type(fieldType), notes);
  }
}
