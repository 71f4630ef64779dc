package io.b2bhub.api;

import io.b2bhub.partners.MappableFlow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The export's flows, for checking partners' field mappings against the fields they show. */
@ApplicationScoped
public class ExportFlows {
  static final String ORDERS = "orders";
  static final String CUSTOMERS = "customers";

  @Produces
  MappableFlow orders() {
    return flow(ORDERS, ExportedOrder.class);
  }

  @Produces
  MappableFlow customers() {
    return flow(CUSTOMERS, ExportedCustomer.class);
  }

  private static MappableFlow flow(String name, Class<? extends Record> shape) {
    Set<String> fields =
        Arrays.stream(shape.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toUnmodifiableSet());
    return new Flow(name, fields);
  }

  private record Flow(String name, Set<String> fields) implements MappableFlow {}
}
