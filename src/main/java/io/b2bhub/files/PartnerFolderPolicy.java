package io.b2bhub.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * Least privilege inside a partner's root: list the root and its four folders; write, rename and
 * delete only plain files directly in inbox/; read only from outbox/; no folders, links or other
 * changes anywhere. A denied operation answers "permission denied" and changes nothing.
 */
final class PartnerFolderPolicy implements SftpEventListener {
  private static final Set<OpenOption> WRITING =
      Set.of(
          StandardOpenOption.WRITE,
          StandardOpenOption.APPEND,
          StandardOpenOption.CREATE,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.DELETE_ON_CLOSE);

  private final OpenUploads openUploads;
  private final UploadCompleted uploadCompleted;

  /** Told when an upload in a partner's inbox is complete (renamed or closed). */
  interface UploadCompleted {
    void inInbox(String partnerId);
  }

  PartnerFolderPolicy(OpenUploads openUploads, UploadCompleted uploadCompleted) {
    this.openUploads = openUploads;
    this.uploadCompleted = uploadCompleted;
  }

  /** A path inside the root as folder and file name; a file name of null names the folder. */
  record Place(String folder, String name) {
    static Place of(Path path) throws AccessDeniedException {
      Path normal = path.toAbsolutePath().normalize();
      int count = normal.getNameCount();
      if (count == 0) {
        return new Place(null, null);
      }
      String folder = normal.getName(0).toString();
      if (!PartnerFolders.ALL.contains(folder) || count > 2) {
        throw new AccessDeniedException(normal.toString(), null, "outside the partner folders");
      }
      return new Place(folder, count == 2 ? normal.getName(1).toString() : null);
    }

    boolean isFileIn(String expected) {
      return expected.equals(folder) && name != null;
    }
  }

  @Override
  public void opening(ServerSession session, String remoteHandle, Handle localHandle)
      throws IOException {
    Place place = Place.of(localHandle.getFile());
    if (localHandle instanceof DirectoryHandle) {
      if (place.name() != null) {
        throw denied(localHandle.getFile());
      }
      return;
    }
    if (localHandle instanceof FileHandle file) {
      boolean writing = file.getOpenOptions().stream().anyMatch(WRITING::contains);
      String allowed = writing ? PartnerFolders.INBOX : PartnerFolders.OUTBOX;
      if (!place.isFileIn(allowed)) {
        throw denied(localHandle.getFile());
      }
      if (writing) {
        openUploads.opened(session.getUsername(), place.name());
      }
    }
  }

  @Override
  public void closed(
      ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown)
      throws IOException {
    if (localHandle instanceof FileHandle file
        && file.getOpenOptions().stream().anyMatch(WRITING::contains)) {
      Place place = Place.of(localHandle.getFile());
      openUploads.closed(session.getUsername(), place.name());
      if (!IncomingFileName.isTemporary(place.name())) {
        uploadCompleted.inInbox(session.getUsername());
      }
    }
  }

  @Override
  public void moving(ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts)
      throws IOException {
    if (!Place.of(srcPath).isFileIn(PartnerFolders.INBOX)) {
      throw denied(srcPath);
    }
    if (!Place.of(dstPath).isFileIn(PartnerFolders.INBOX)) {
      throw denied(dstPath);
    }
  }

  @Override
  public void moved(
      ServerSession session,
      Path srcPath,
      Path dstPath,
      Collection<CopyOption> opts,
      Throwable thrown) {
    if (thrown == null) {
      uploadCompleted.inInbox(session.getUsername());
    }
  }

  @Override
  public void removing(ServerSession session, Path path, boolean isDirectory) throws IOException {
    if (isDirectory || !Place.of(path).isFileIn(PartnerFolders.INBOX)) {
      throw denied(path);
    }
  }

  @Override
  public void creating(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
    throw denied(path);
  }

  @Override
  public void linking(ServerSession session, Path source, Path target, boolean symLink)
      throws IOException {
    throw denied(source);
  }

  @Override
  public void modifyingAttributes(ServerSession session, Path path, Map<String, ?> attrs)
      throws IOException {
    if (!Place.of(path).isFileIn(PartnerFolders.INBOX)) {
      throw denied(path);
    }
  }

  private static AccessDeniedException denied(Path path) {
    return new AccessDeniedException(path.toString(), null, "not allowed for partners");
  }
}
