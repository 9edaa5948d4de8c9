package com.littlethreads.catalog.image;

import java.util.Locale;

import com.littlethreads.catalog.product.Category;

/**
 * Draws a simple, friendly silhouette of a kind of garment in a colour, as a 480x480 SVG.
 */
final class GarmentDrawing {

	private GarmentDrawing() {
	}

	static String svg(Category category, String colour) {
		String fill = Palette.hex(colour);
		String outline = darker(fill);
		String label = category.label() + " in " + colour.replace('-', ' ');
		return """
				<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480" viewBox="0 0 480 480" role="img" aria-label="%s">
				<rect width="480" height="480" fill="#faf7f2"/>
				<circle cx="240" cy="250" r="190" fill="#f1ebe1"/>
				<g fill="%s" stroke="%s" stroke-width="6" stroke-linejoin="round">%s</g>
				</svg>
				"""
			.formatted(label, fill, outline, shape(category));
	}

	private static String shape(Category category) {
		return switch (category) {
			case TOPS -> "<path d='M170 110 L120 130 L70 200 L120 235 L150 205 L150 380 L330 380 L330 205 L360 235 "
					+ "L410 200 L360 130 L310 110 Q240 160 170 110 Z'/>";
			case BOTTOMS -> "<path d='M160 100 L320 100 L345 390 L265 390 L240 200 L215 390 L135 390 Z'/>"
					+ "<rect x='160' y='100' width='160' height='26'/>";
			case DRESSES -> "<path d='M195 90 L285 90 L300 180 L380 390 L100 390 L180 180 Z'/>"
					+ "<path d='M180 180 L300 180' fill='none'/>";
			case OUTERWEAR -> "<path d='M170 100 L110 125 L70 330 L130 340 L150 210 L150 395 L330 395 L330 210 "
					+ "L350 340 L410 330 L370 125 L310 100 L285 150 L240 115 L195 150 Z'/>"
					+ "<path d='M240 120 L240 395' fill='none'/>";
			case SLEEPWEAR -> "<path d='M175 80 L125 100 L85 170 L130 195 L155 170 L155 260 L325 260 L325 170 "
					+ "L350 195 L395 170 L355 100 L305 80 Q240 120 175 80 Z'/>"
					+ "<path d='M165 270 L315 270 L335 410 L260 410 L240 320 L220 410 L145 410 Z'/>";
			case SWIMWEAR -> "<path d='M170 120 L200 120 L215 190 Q240 205 265 190 L280 120 L310 120 L320 250 "
					+ "Q330 330 300 380 L180 380 Q150 330 160 250 Z'/>";
			case ACCESSORIES -> "<path d='M130 300 Q130 150 240 150 Q350 150 350 300 Z'/>"
					+ "<rect x='110' y='290' width='260' height='45' rx='20'/>" + "<circle cx='240' cy='135' r='28'/>";
		};
	}

	private static String darker(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		int r = (int) (((rgb >> 16) & 0xff) * 0.7);
		int g = (int) (((rgb >> 8) & 0xff) * 0.7);
		int b = (int) ((rgb & 0xff) * 0.7);
		return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
	}

}
