package io.b2bhub.partners;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Keeps each partner's field mappings per flow, uploaded in the seed's CSV format ({@code
 * ours,partner,type,notes}), and hands other capabilities the mapping to apply.
 */
@ApplicationScoped
@Transactional
public class PartnerFieldMappings {
  static final List<String> HEADER = List.of("ours", "partner", "type", "notes");
  private static final String FLOW = "[a-z][a-z0-9_-]{0,31}";
  private static final String OUR_FIELD = "[a-z][a-z0-9_]{0,63}";
  private static final String PARTNER_FIELD = "[A-Za-z][A-Za-z0-9_.-]{0,63}";

  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject PartnerRegistry registry;

  /** Replaces the partner's mapping for {@code flow}; the whole file is checked first. */
  public List<FieldMapping.Rule> replace(String partnerId, String flow, Reader csv) {
    checkFlow(flow);
    List<FieldMapping.Rule> rules = parse(csv);
    Partner partner = registry.require(partnerId);
    em.createNamedQuery("FieldMappingRule.deleteByPartnerAndFlow")
        .setParameter("partner", partner)
        .setParameter("flow", flow)
        .executeUpdate();
    for (int i = 0; i < rules.size(); i++) {
      em.persist(new FieldMappingRule(partner, flow, i, rules.get(i)));
    }
    return rules;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public FieldMapping mappingFor(String partnerId, String flow) {
    checkFlow(flow);
    List<FieldMapping.Rule> rules =
        em.createNamedQuery("FieldMappingRule.findByPartnerAndFlow", FieldMappingRule.class)
            .setParameter("partner", registry.require(partnerId))
            .setParameter("flow", flow)
            .getResultStream()
            .map(FieldMappingRule::rule)
            .toList();
    return rules.isEmpty() ? FieldMapping.IDENTITY : new FieldMapping(rules);
  }

  private static List<FieldMapping.Rule> parse(Reader csv) {
    List<FieldMapping.Rule> rules = new ArrayList<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();
    try (CSVParser parser = format.parse(csv)) {
      if (!parser.getHeaderNames().equals(HEADER)) {
        throw new ProblemException(
            ErrorCode.VALIDATION_FAILED, "The header must be exactly: " + String.join(",", HEADER));
      }
      for (CSVRecord record : parser) {
        String line = "line " + (record.getRecordNumber() + 1);
        String ours = record.isSet("ours") ? record.get("ours") : "";
        String theirs = record.isSet("partner") ? record.get("partner") : "";
        String type = record.isSet("type") ? record.get("type") : "";
        if (!ours.matches(OUR_FIELD)) {
          errors.add(new Problem.FieldError(line + "/ours", "must be a snake_case field name"));
        } else if (!seen.add(ours)) {
          errors.add(new Problem.FieldError(line + "/ours", "is mapped twice"));
        }
        if (!theirs.matches(PARTNER_FIELD)) {
          errors.add(new Problem.FieldError(line + "/partner", "must be a field name"));
        }
        if (!type.matches("string|integer|datetime")) {
          errors.add(new Problem.FieldError(line + "/type", "must be string, integer or datetime"));
        }
        if (errors.isEmpty()) {
          rules.add(
              new FieldMapping.Rule(
                  ours,
                  theirs,
                  FieldMapping.type(type),
                  record.isSet("notes") ? record.get("notes") : null));
        }
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new ProblemException(ErrorCode.VALIDATION_FAILED, "Not a readable CSV file.");
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED, errors.size() + " problem(s) in the mapping.", errors);
    }
    return rules;
  }

  private static void checkFlow(String flow) {
    if (flow == null || !flow.matches(FLOW)) {
      throw new ProblemException(ErrorCode.INVALID_PARAMETER, "Not a flow name: " + flow);
    }
  }
}
