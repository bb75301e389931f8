//! MathML markup built from numbers and fixed symbols, for formulas the
//! browser renders natively (no font or library). Only the app's own text
//! goes in: nothing a user typed.

pub fn mi(name: &str) -> String {
    format!("<mi>{name}</mi>")
}
pub fn mn(value: &str) -> String {
    format!("<mn>{value}</mn>")
}
pub fn mo(op: &str) -> String {
    format!("<mo>{op}</mo>")
}
pub fn row(parts: &[String]) -> String {
    format!("<mrow>{}</mrow>", parts.concat())
}
pub fn frac(top: &[String], bottom: &[String]) -> String {
    format!("<mfrac>{}{}</mfrac>", row(top), row(bottom))
}
pub fn paren(inner: &[String]) -> String {
    row(&[mo("("), row(inner), mo(")")])
}
pub fn exp(power: &[String]) -> String {
    format!("<msup>{}{}</msup>", mi("e"), row(power))
}
/// The figure the formula ends in, marked for the page's tests.
pub fn result(shown: &str) -> String {
    format!("<mtext class=\"result\">{shown}</mtext>")
}
pub fn math(parts: &[String]) -> String {
    format!("<math display=\"block\">{}</math>", parts.concat())
}
pub fn msub(base: &str, index: &str) -> String {
    format!("<msub><mi>{base}</mi><mi>{index}</mi></msub>")
}
