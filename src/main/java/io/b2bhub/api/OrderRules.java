package io.b2bhub.api;

import io.b2bhub.platform.Problem;
import java.util.ArrayList;
import java.util.List;

/** The arithmetic an order must satisfy: line totals, net as their sum, gross as net plus tax. */
final class OrderRules {
  private OrderRules() {}

  static List<Problem.FieldError> check(OrderCreate order) {
    List<Problem.FieldError> errors = new ArrayList<>();
    long net = 0;
    try {
      for (int i = 0; i < order.lines().size(); i++) {
        OrderCreate.Line line = order.lines().get(i);
        long expected = Math.multiplyExact(line.quantity(), line.unitPriceMinor());
        if (expected != line.lineTotalMinor()) {
          errors.add(
              new Problem.FieldError(
                  "/lines/" + i + "/lineTotalMinor",
                  "must equal quantity × unitPriceMinor = " + expected));
        }
        net = Math.addExact(net, line.lineTotalMinor());
      }
      if (net != order.totals().netMinor()) {
        errors.add(
            new Problem.FieldError(
                "/totals/netMinor", "must equal the sum of lineTotalMinor = " + net));
      }
      long gross = Math.addExact(order.totals().netMinor(), order.totals().taxMinor());
      if (gross != order.totals().grossMinor()) {
        errors.add(
            new Problem.FieldError(
                "/totals/grossMinor", "must equal netMinor + taxMinor = " + gross));
      }
    } catch (ArithmeticException e) {
      errors.add(new Problem.FieldError("/totals", "amounts overflow a 64-bit integer"));
    }
    return errors;
  }
}
