package io.b2bhub.files;

import io.b2bhub.platform.BatchJobSubmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Which Jakarta Batch job loads which flow, and starting it. Jobs take the transfer as their
 * parameter; everything else they read from the transfer's work folder, so a restart from Admin
 * Center or {@code /ibm/api/batch} needs no parameters at all.
 */
@ApplicationScoped
public class FileJobs {
  public static final String TRANSFER_ID = "transferId";
  public static final String PARTNER_ID = "partnerId";
  public static final String FILE_NAME = "fileName";
  public static final String CHECKPOINT_ITEMS = "checkpointItems";

  /** A flow the hub loads, the job that loads it and the file extension it takes. */
  public record FlowJob(String flow, String extension, String jobName) {}

  private static final Map<String, FlowJob> FLOWS =
      Map.of("inventory", new FlowJob("inventory", "csv", "inventory-import"));

  @Inject FileSettings settings;
  @Inject BatchJobSubmitter submitter;

  Optional<FlowJob> forFlow(String flow, String extension) {
    return Optional.ofNullable(FLOWS.get(flow)).filter(f -> f.extension().equals(extension));
  }

  List<String> supportedFlows() {
    return FLOWS.values().stream().map(f -> f.flow() + " (." + f.extension() + ")").toList();
  }

  void start(FlowJob flow, FileTransfer transfer) {
    Properties parameters = new Properties();
    parameters.setProperty(TRANSFER_ID, transfer.transferId());
    parameters.setProperty(PARTNER_ID, transfer.partnerId());
    parameters.setProperty(FILE_NAME, transfer.fileName());
    parameters.setProperty(CHECKPOINT_ITEMS, Integer.toString(settings.checkpointItems()));
    // The job's listener records its instance and execution ids on the transfer (restarts too).
    submitter.start(flow.jobName(), parameters);
  }
}
