package io.b2bhub.partners;

import io.b2bhub.platform.ErrorCode;
import io.b2bhub.platform.Problem;
import io.b2bhub.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the partner registry CSV ({@code partner_id,name,mode,security,contact,sla}) and registers
 * the partners it does not know yet. The whole file is validated before anything is written: one
 * bad line rejects the file, with every bad line reported.
 */
@ApplicationScoped
public class PartnerCsvImport {
  static final List<String> HEADER =
      List.of("partner_id", "name", "mode", "security", "contact", "sla");

  @Inject PartnerRegistry registry;
  @Inject Validator validator;

  @Transactional
  public ImportResult importCsv(Reader csv) {
    List<NewPartner> partners = parse(csv);
    List<PartnerRegistry.CreatedPartner> created = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (NewPartner partner : partners) {
      if (registry.find(partner.partnerId()).isPresent()) {
        skipped.add(partner.partnerId());
      } else {
        created.add(registry.create(partner));
      }
    }
    return new ImportResult(created, skipped);
  }

  List<NewPartner> parse(Reader csv) {
    List<NewPartner> partners = new ArrayList<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (CSVParser parser = format.parse(csv)) {
      if (!parser.getHeaderNames().equals(HEADER)) {
        throw new ProblemException(
            ErrorCode.VALIDATION_FAILED, "The header must be exactly: " + String.join(",", HEADER));
      }
      for (CSVRecord record : parser) {
        NewPartner partner = toPartner(record);
        Set<ConstraintViolation<NewPartner>> violations = validator.validate(partner);
        if (!record.isConsistent()) {
          errors.add(new Problem.FieldError("line " + lineOf(record), "expected 6 fields"));
        }
        violations.forEach(
            v ->
                errors.add(
                    new Problem.FieldError(
                        "line " + lineOf(record) + "/" + v.getPropertyPath(), v.getMessage())));
        partners.add(partner);
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new ProblemException(ErrorCode.VALIDATION_FAILED, "Not a readable CSV file.");
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ErrorCode.VALIDATION_FAILED, errors.size() + " problem(s) in the CSV file.", errors);
    }
    return partners;
  }

  private static NewPartner toPartner(CSVRecord record) {
    String security = field(record, "security");
    return new NewPartner(
        field(record, "partner_id"),
        field(record, "name"),
        field(record, "mode"),
        security,
        field(record, "contact"),
        field(record, "sla"),
        List.of(),
        scopesFor(field(record, "mode")),
        List.of(),
        null);
  }

  /** API partners get the read and write scopes of the sync API; others read their profile. */
  private static List<String> scopesFor(String mode) {
    if (mode != null && mode.toLowerCase(Locale.ROOT).contains("api")) {
      return List.of(
          PartnerScopes.PARTNER_READ, PartnerScopes.ORDERS_READ, PartnerScopes.CUSTOMERS_READ);
    }
    return PartnerScopes.DEFAULT;
  }

  private static String field(CSVRecord record, String name) {
    return record.isMapped(name) && record.isSet(name) ? record.get(name) : null;
  }

  private static long lineOf(CSVRecord record) {
    return record.getRecordNumber() + 1;
  }

  /** Partners registered by an import (with their one-time secrets) and ids already known. */
  public record ImportResult(List<PartnerRegistry.CreatedPartner> created, List<String> skipped) {}
}
