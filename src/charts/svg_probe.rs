//! Reading a chart drawn to SVG in the native tests (plotters' `svg_backend`,
//! a dev-dependency only): its elements by kind and colour, and its texts.

use plotters::style::RGBColor;

use super::DrawResult;

/// Draws `data` at each of `sizes` (down to nothing) and at every pixel
/// ratio, odd ones included; checks that each draw succeeds and writes no
/// NaN or infinity, and gives its SVG to `check` with a description of the
/// draw for messages.
pub(crate) fn draw_everywhere<D>(
    name: &str,
    data: &D,
    sizes: &[(u32, u32)],
    draw: impl Fn(&D, (u32, u32), f64) -> (DrawResult, String),
    check: impl Fn(&str, &str),
) {
    for &size in sizes {
        for scale in [1.0, 2.0, 3.0, 0.0, f64::NAN, f64::INFINITY, -1.0] {
            let (result, svg) = draw(data, size, scale);
            let what = format!("{name} {size:?} {scale}");
            assert!(result.is_ok(), "{what}: {result:?}");
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{what}");
            check(&what, &svg);
        }
    }
}

/// Checks that no label in `numbers` is repeated next to itself.
pub(crate) fn assert_none_repeated(numbers: &[String], what: &str) {
    let mut distinct = numbers.to_vec();
    distinct.dedup();
    assert_eq!(distinct.len(), numbers.len(), "{what}: {numbers:?}");
}

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
