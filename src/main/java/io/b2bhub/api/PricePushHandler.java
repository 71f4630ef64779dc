package io.b2bhub.api;

import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/**
 * {@code erp.price.updated.v1} → {@code POST /webshop/products/prices}, key {@code
 * price:{articleNumber}:{priceList}:{externalVersion}}.
 */
@ApplicationScoped
public class PricePushHandler extends WebshopPushHandler {
  @Override
  public EventType type() {
    return EventType.ERP_PRICE_UPDATED;
  }

  @Override
  public String consumer() {
    return "webshop.push.price";
  }

  @Override
  WebshopPush toPush(EventEnvelope event) {
    JsonObject data = event.data();
    String article = data.getString("articleNumber");
    String priceList = data.getString("priceListId");
    long version = data.getJsonNumber("version").longValue();
    JsonObject body =
        body(event)
            .add(
                "prices",
                JSON.createArrayBuilder()
                    .add(
                        JSON.createObjectBuilder()
                            .add("articleNumber", article)
                            .add("priceListId", priceList)
                            .add("amountMinor", data.getJsonNumber("amountMinor").longValue())
                            .add("currency", data.getString("currency"))
                            .add("externalVersion", version)
                            .add("effectiveAt", data.getString("effectiveAt"))))
            .build();
    return new WebshopPush(
        WebshopPush.Kind.PRICE,
        event.tenantId(),
        null,
        article + "@" + priceList,
        "price:" + article + ":" + priceList + ":" + version,
        event.id(),
        bytes(body));
  }
}
