package io.b2bhub.files;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inbox files an SFTP session has open for writing right now. A client that writes straight to the
 * final name (no temporary name and rename) is still uploading while its handle is open; the intake
 * leaves such files alone until the handle closes.
 */
@ApplicationScoped
public class OpenUploads {
  private final Map<String, Integer> open = new ConcurrentHashMap<>();

  void opened(String partnerId, String fileName) {
    open.merge(key(partnerId, fileName), 1, Integer::sum);
  }

  void closed(String partnerId, String fileName) {
    open.computeIfPresent(key(partnerId, fileName), (k, n) -> n == 1 ? null : n - 1);
  }

  public boolean isOpen(String partnerId, String fileName) {
    return open.containsKey(key(partnerId, fileName));
  }

  private static String key(String partnerId, String fileName) {
    return partnerId + "/" + fileName;
  }
}
