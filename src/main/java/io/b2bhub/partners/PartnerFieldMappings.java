package io.b2bhub.partners;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
  @Inject Instance<MappableFlow> flowBeans;

  private Map<String, MappableFlow> flows;

  @PostConstruct
  void knowFlows() {
    flows = new TreeMap<>();
    flowBeans.forEach(flow -> flows.put(flow.name(), flow));
  }

  /** Replaces the partner's mapping for {@code flow}; the whole file is checked first. */
  public List<FieldMapping.Rule> replace(String partnerId, String flow, Reader csv) {
    List<FieldMapping.Rule> rules = parse(csv, flow(flow));
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
    flow(flow);
    List<FieldMapping.Rule> rules =
        em.createNamedQuery("FieldMappingRule.findByPartnerAndFlow", FieldMappingRule.class)
            .setParameter("partner", registry.require(partnerId))
            .setParameter("flow", flow)
            .getResultStream()
            .map(FieldMappingRule::rule)
            .toList();
    return rules.isEmpty() ? FieldMapping.IDENTITY : new FieldMapping(rules);
  }

  private static List<FieldMapping.Rule> parse(Reader csv, MappableFlow flow) {
    List<FieldMapping.Rule> rules = new ArrayList<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, String> targets = new HashMap<>();
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
        int errorsBefore = errors.size();
        String ours = record.isSet("ours") ? record.get("ours") : "";
        String theirs = record.isSet("partner") ? record.get("partner") : "";
        String type = record.isSet("type") ? record.get("type") : "";
        if (!ours.matches(OUR_FIELD)) {
          errors.add(new Problem.FieldError(line + "/ours", "must be a snake_case field name"));
        } else if (!seen.add(ours)) {
          errors.add(new Problem.FieldError(line + "/ours", "is mapped twice"));
        }
        if (ours.matches(OUR_FIELD) && !flow.fields().contains(jsonName(ours))) {
          errors.add(
              new Problem.FieldError(
                  line + "/ours", "is not a field of the " + flow.name() + " flow"));
        }
        if (!theirs.matches(PARTNER_FIELD)) {
          errors.add(new Problem.FieldError(line + "/partner", "must be a field name"));
        } else if (targets.putIfAbsent(theirs, line) != null) {
          errors.add(
              new Problem.FieldError(
                  line + "/partner", "is already the target of " + targets.get(theirs)));
        }
        if (!type.matches("string|integer|datetime")) {
          errors.add(new Problem.FieldError(line + "/type", "must be string, integer or datetime"));
        }
        if (errors.size() == errorsBefore) {
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
    Set<String> renamed = new HashSet<>();
    rules.forEach(rule -> renamed.add(rule.ourJsonName()));
    for (FieldMapping.Rule rule : rules) {
      if (flow.fields().contains(rule.partner()) && !renamed.contains(rule.partner())) {
        errors.add(
            new Problem.FieldError(
                targets.get(rule.partner()) + "/partner",
                "collides with our field " + rule.partner() + ", which keeps its name"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED, errors.size() + " problem(s) in the mapping.", errors);
    }
    return rules;
  }

  /** Our snake_case name as the flow's JSON shows it ("total_amount" → "totalAmount"). */
  private static String jsonName(String ours) {
    return new FieldMapping.Rule(ours, ours, FieldMapping.Type.STRING, null).ourJsonName();
  }

  private MappableFlow flow(String name) {
    MappableFlow flow = name == null || !name.matches(FLOW) ? null : flows.get(name);
    if (flow == null) {
      throw new ProblemException(
          ErrorCode.INVALID_PARAMETER,
          "No flow named " + name + "; mappable flows: " + String.join(", ", flows.keySet()));
    }
    return flow;
  }
}
