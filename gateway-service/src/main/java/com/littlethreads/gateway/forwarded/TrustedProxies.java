package com.littlethreads.gateway.forwarded;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.util.NetUtil;

/**
 * A set of CIDR blocks, and the parsing of address literals that goes with it.
 * <p>
 * Not shared with platform's {@code TrustedProxies} (the services'), on purpose: at the
 * edge, load balancers write {@code X-Forwarded-For} entries with ports, which this
 * reads; behind the gateway a service takes only the bare literals the gateway writes and
 * treats anything else as forged. Issue 13's tests hold each side to its rule.
 * <p>
 * Addresses are parsed with Netty's literal parser, never with
 * {@link InetAddress#getByName(String)}: a header value must never make the gateway ask
 * DNS about a name a caller chose.
 */
public final class TrustedProxies {

	/** An IPv4 address with a port, as some load balancers write X-Forwarded-For. */
	private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");

	/** A bracketed IPv6 address, with or without a port. */
	private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");

	private final List<Block> blocks;

	private TrustedProxies(List<Block> blocks) {
		this.blocks = List.copyOf(blocks);
	}

	/**
	 * Parses CIDR blocks and bare addresses.
	 * @param entries the configured entries; blank ones are skipped
	 * @return the set
	 * @throws IllegalArgumentException naming the first entry that is not a CIDR block or
	 * an address literal
	 */
	public static TrustedProxies parse(List<String> entries) {
		List<Block> blocks = new ArrayList<>();
		for (String raw : entries) {
			String entry = raw.strip();
			if (!entry.isEmpty()) {
				blocks.add(Block.parse(entry));
			}
		}
		return new TrustedProxies(blocks);
	}

	/**
	 * Whether the address lies in one of the blocks.
	 * @param address the address, or {@code null}
	 * @return {@code false} for {@code null}
	 */
	public boolean contains(InetAddress address) {
		if (address == null) {
			return false;
		}
		byte[] bytes = address.getAddress();
		for (Block block : this.blocks) {
			if (block.contains(bytes)) {
				return true;
			}
		}
		return false;
	}

	public boolean isEmpty() {
		return this.blocks.isEmpty();
	}

	/**
	 * An address literal as proxies write it in {@code X-Forwarded-For}: IPv4, IPv6,
	 * bracketed IPv6, each optionally with a port.
	 * @param value the entry
	 * @return the address, or {@code null} when the entry is anything else (a name,
	 * {@code unknown}, garbage)
	 */
	public static InetAddress parseAddress(String value) {
		String literal = value.strip();
		Matcher withPort = IPV4_WITH_PORT.matcher(literal);
		if (withPort.matches()) {
			literal = withPort.group(1);
		}
		else {
			Matcher bracketed = BRACKETED_IPV6.matcher(literal);
			if (bracketed.matches()) {
				literal = bracketed.group(1);
			}
		}
		if (literal.isEmpty() || literal.indexOf('%') >= 0) {
			// A zone id names an interface of the sender's host: meaningless here.
			return null;
		}
		// Maps ::ffff:a.b.c.d to the IPv4 address it is, so one client has one key.
		return NetUtil.createInetAddressFromIpAddressString(literal);
	}

	/**
	 * One CIDR block.
	 *
	 * @param network the block's address bytes (4 or 16), host bits cleared
	 * @param prefix how many leading bits must match
	 */
	private record Block(byte[] network, int prefix) {

		static Block parse(String entry) {
			int slash = entry.indexOf('/');
			InetAddress address = parseAddress((slash >= 0) ? entry.substring(0, slash) : entry);
			if (address == null) {
				throw invalid(entry);
			}
			int bits = (address instanceof Inet4Address) ? 32 : 128;
			int prefix = bits;
			if (slash >= 0) {
				try {
					prefix = Integer.parseInt(entry.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					throw invalid(entry);
				}
				if (prefix < 0 || prefix > bits) {
					throw invalid(entry);
				}
			}
			return new Block(mask(address.getAddress(), prefix), prefix);
		}

		boolean contains(byte[] address) {
			return address.length == this.network.length && Arrays.equals(mask(address, this.prefix), this.network);
		}

		private static byte[] mask(byte[] address, int prefix) {
			byte[] masked = address.clone();
			for (int i = 0; i < masked.length; i++) {
				int keep = Math.max(0, Math.min(8, prefix - i * 8));
				masked[i] &= (byte) (0xFF << (8 - keep));
			}
			return masked;
		}

		private static IllegalArgumentException invalid(String entry) {
			return new IllegalArgumentException("littlethreads.trusted-proxies: '" + entry
					+ "' is not a CIDR block (10.0.0.0/8, 2001:db8::/32) or an IP address");
		}

	}

}
