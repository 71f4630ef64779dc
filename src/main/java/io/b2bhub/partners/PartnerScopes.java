package io.b2bhub.partners;

import java.util.List;
import java.util.Set;

/** The OAuth scopes the hub knows. A partner's client may only be granted scopes from this list. */
public final class PartnerScopes {
  public static final String PARTNER_READ = "partner:read";
  public static final String CUSTOMERS_WRITE = "erp.customers:write";
  public static final String ORDERS_WRITE = "erp.orders:write";
  public static final String ORDERS_READ = "orders:read";
  public static final String CUSTOMERS_READ = "customers:read";
  public static final String EVENTS_WRITE = "events:write";
  public static final String INVOICES_READ = "invoices:read";

  public static final Set<String> ALL =
      Set.of(
          PARTNER_READ,
          CUSTOMERS_WRITE,
          ORDERS_WRITE,
          ORDERS_READ,
          CUSTOMERS_READ,
          EVENTS_WRITE,
          INVOICES_READ);

  /** What a new partner's client gets when the request names no scopes: read its own profile. */
  public static final List<String> DEFAULT = List.of(PARTNER_READ);

  private PartnerScopes() {}
}
