package com.littlethreads.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Just enough of the tar format (POSIX ustar, as Jib writes it) to read an image archive:
 * the entries whose names a test asks for.
 */
final class Tar {

	private static final int BLOCK = 512;

	private Tar() {
	}

	/**
	 * Reads a tar stream to its end.
	 * @param in the stream
	 * @param wanted which entries to keep the contents of
	 * @return every regular file's name, with its contents where wanted (else an empty
	 * array)
	 * @throws IOException if the stream cannot be read
	 */
	static Map<String, byte[]> read(InputStream in, Predicate<String> wanted) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		byte[] header = new byte[BLOCK];
		while (in.readNBytes(header, 0, BLOCK) == BLOCK) {
			String name = text(header, 0, 100);
			if (name.isEmpty()) {
				break;
			}
			String prefix = text(header, 345, 155);
			if (!prefix.isEmpty()) {
				name = prefix + "/" + name;
			}
			long size = Long.parseLong(text(header, 124, 12).isEmpty() ? "0" : text(header, 124, 12), 8);
			char type = (char) header[156];
			boolean file = type == '0' || type == 0;
			byte[] contents = (file && wanted.test(name)) ? in.readNBytes((int) size) : skip(in, size);
			long padding = (BLOCK - size % BLOCK) % BLOCK;
			skip(in, padding);
			if (file) {
				entries.put(name.startsWith("./") ? name.substring(2) : name, contents);
			}
		}
		return entries;
	}

	private static byte[] skip(InputStream in, long count) throws IOException {
		in.skipNBytes(count);
		return new byte[0];
	}

	private static String text(byte[] header, int offset, int length) {
		int end = offset;
		while (end < offset + length && header[end] != 0) {
			end++;
		}
		return new String(header, offset, end - offset, StandardCharsets.US_ASCII).trim();
	}

}
