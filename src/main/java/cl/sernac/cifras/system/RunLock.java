package cl.sernac.cifras.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One run at a time per data folder: an exclusive lock on {@code cifras.lock}, released
 * by the operating system when the process ends however it ends (even {@code kill -9}).
 */
public final class RunLock implements AutoCloseable {

	static final String FILE_NAME = "cifras.lock";

	private final FileChannel channel;

	private final FileLock lock;

	private RunLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** The lock, or empty when another process holds it. */
	public static Optional<RunLock> tryAcquire(Path dataDir) throws IOException {
		SecureDirectories.create(dataDir);
		FileChannel channel = FileChannel.open(dataDir.resolve(FILE_NAME), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		try {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				return Optional.of(new RunLock(channel, lock));
			}
		}
		catch (OverlappingFileLockException ex) {
			// held by this very process
		}
		channel.close();
		return Optional.empty();
	}

	@Override
	public void close() throws IOException {
		this.lock.release();
		this.channel.close();
	}

}
