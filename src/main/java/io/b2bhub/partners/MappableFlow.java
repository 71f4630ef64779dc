package io.b2bhub.partners;

import java.util.Set;

/**
 * A flow whose records a partner's field mapping may rename, with the fields it shows under our
 * names. Capabilities that export records provide one bean per flow, so a mapping is checked
 * against the fields it will really meet.
 */
public interface MappableFlow {
  /** The flow's name in the mapping URL, e.g. {@code orders}. */
  String name();

  /** Our field names as the flow shows them in JSON (camelCase, e.g. {@code totalAmount}). */
  Set<String> fields();
}
