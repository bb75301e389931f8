//! Reading a chart drawn to SVG in the native tests (plotters' `svg_backend`,
//! a dev-dependency only): its elements by kind and colour, and its texts.

use plotters::style::RGBColor;

/// A colour as plotters writes it into SVG: `#1F6FD1`.
pub(crate) fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The elements of a kind (`polyline`, `polygon`, `rect`, `text`…) that carry `colour`.
pub(crate) fn elements<'a>(svg: &'a str, kind: &str, colour: RGBColor) -> Vec<&'a str> {
    let colour = hex(colour);
    svg.split('<')
        .filter(|e| e.starts_with(kind) && e.contains(&colour))
        .collect()
}

/// Every text with its x and y position.
pub(crate) fn texts(svg: &str) -> Vec<(f64, f64, String)> {
    svg.split("<text")
        .skip(1)
        .filter_map(|e| {
            let text = e.split('>').nth(1)?.split('<').next()?.trim();
            let number = |attribute: &str| -> Option<f64> {
                e.split(attribute).nth(1)?.split('"').next()?.parse().ok()
            };
            Some((number(" x=\"")?, number(" y=\"")?, text.to_string()))
        })
        .collect()
}

/// Whether some text reads exactly `wanted`.
pub(crate) fn has_text(svg: &str, wanted: &str) -> bool {
    texts(svg).iter().any(|(_, _, t)| t == wanted)
}
