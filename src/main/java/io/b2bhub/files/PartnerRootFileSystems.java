package io.b2bhub.files;

import java.nio.file.Path;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;

/**
 * Gives each SFTP session its partner's root as the whole file system ("/" is the partner root);
 * ".." never climbs out of it, so no path names another partner's files or the hub's.
 */
final class PartnerRootFileSystems extends VirtualFileSystemFactory {
  private final PartnerFolders folders;

  PartnerRootFileSystems(PartnerFolders folders) {
    this.folders = folders;
  }

  @Override
  public Path getUserHomeDir(SessionContext session) {
    return folders.rootOf(session.getUsername());
  }
}
