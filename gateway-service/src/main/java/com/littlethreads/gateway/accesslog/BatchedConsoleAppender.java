package com.littlethreads.gateway.accesslog;

import java.io.PrintStream;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;

/**
 * Lines to standard output in batches rather than one write each: encoded as the console
 * encodes them, gathered, and written when the batch is full or when {@link #flush()} is
 * called (on a schedule, and when the appender stops).
 * <p>
 * A batch is at most {@value #BATCH_BYTES} bytes, the size up to which Linux writes to a
 * pipe at once: a container's standard output is a pipe, and the other loggers write to
 * it too, so a batch is never interleaved with their lines. A line longer than that is
 * written on its own, after the batch before it.
 */
final class BatchedConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	static final int BATCH_BYTES = 4096;

	private final Encoder<ILoggingEvent> encoder;

	private final Supplier<PrintStream> out;

	private final ReentrantLock lock = new ReentrantLock();

	private final byte[] batch = new byte[BATCH_BYTES];

	private int size;

	/**
	 * An appender to the standard output of the moment, as logback's console appender
	 * writes to it.
	 * @param encoder the console's encoder, shared: encoders encode events from many
	 * threads at once
	 */
	BatchedConsoleAppender(Encoder<ILoggingEvent> encoder) {
		this(encoder, () -> System.out);
	}

	BatchedConsoleAppender(Encoder<ILoggingEvent> encoder, Supplier<PrintStream> out) {
		this.encoder = encoder;
		this.out = out;
	}

	@Override
	protected void append(ILoggingEvent event) {
		byte[] line = this.encoder.encode(event);
		this.lock.lock();
		try {
			if (this.size + line.length > BATCH_BYTES) {
				writeBatch();
			}
			if (line.length >= BATCH_BYTES) {
				write(line, line.length);
			}
			else {
				System.arraycopy(line, 0, this.batch, this.size, line.length);
				this.size += line.length;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Writes the lines gathered so far, if any.
	 */
	void flush() {
		this.lock.lock();
		try {
			writeBatch();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void stop() {
		flush();
		super.stop();
	}

	private void writeBatch() {
		if (this.size > 0) {
			write(this.batch, this.size);
			this.size = 0;
		}
	}

	private void write(byte[] bytes, int length) {
		PrintStream stream = this.out.get();
		stream.write(bytes, 0, length);
		stream.flush();
	}

}
