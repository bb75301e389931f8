//! Numbers and money for reading: thousands grouped, fixed decimals, the
//! currency's symbol. Language-neutral (both languages write `12,232.14`);
//! text that must read back as a number (CSV, boxes) uses [`fixed`] or
//! `model::number::format_plain`.

/// A share as a percentage with one decimal: `0.8104` → `81.0 %`.
pub fn percent(share: f64) -> String {
    format!("{} %", fixed(share * 100.0, 1))
}

/// A number with a fixed count of decimals, no grouping (so it reads back);
/// never `-0.0` (a value that rounds to zero shows as zero).
pub fn fixed(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    match text.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
        _ => text,
    }
}

/// A number for reading, with thousands separated: `12,232.14`, `3,349`
/// (both languages). Not for text that must read back as a plain number
/// (CSV, boxes): that is [`fixed`].
pub fn grouped(value: f64, decimals: usize) -> String {
    let text = fixed(value, decimals);
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    if whole.len() <= 3 {
        return text;
    }
    let mut out = String::with_capacity(text.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// The currency symbol money is shown with, chosen by the user; none by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Currency {
    #[default]
    None,
    Yuan,
    Dollar,
    Euro,
    Pound,
}

impl Currency {
    pub const ALL: [Currency; 5] = [
        Currency::None,
        Currency::Yuan,
        Currency::Dollar,
        Currency::Euro,
        Currency::Pound,
    ];

    /// The stored code, also the `<option>` value.
    pub fn code(self) -> &'static str {
        match self {
            Currency::None => "none",
            Currency::Yuan => "CNY",
            Currency::Dollar => "USD",
            Currency::Euro => "EUR",
            Currency::Pound => "GBP",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Currency::None => "",
            Currency::Yuan => "¥",
            Currency::Dollar => "$",
            Currency::Euro => "€",
            Currency::Pound => "£",
        }
    }
}

/// An amount of money for reading: the currency's symbol, then the number
/// with thousands separated (`¥12,232.14`; `-¥5.00`).
pub fn money(currency: Currency, value: f64, decimals: usize) -> String {
    let amount = grouped(value, decimals);
    match amount.strip_prefix('-') {
        Some(rest) => format!("-{}{rest}", currency.symbol()),
        None => format!("{}{amount}", currency.symbol()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_never_show_minus_zero() {
        assert_eq!(fixed(-0.0, 1), "0.0");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-0.05, 2), "-0.05");
        assert_eq!(percent(-0.0001), "0.0 %");
        assert_eq!(fixed(1062.0, 0), "1062");
    }

    #[test]
    fn figures_group_thousands_and_money_takes_its_symbol() {
        assert_eq!(grouped(12_232.144, 2), "12,232.14");
        assert_eq!(grouped(999.0, 0), "999");
        assert_eq!(grouped(1_000.0, 0), "1,000");
        assert_eq!(grouped(-9_600_000.0, 0), "-9,600,000");
        assert_eq!(grouped(-0.001, 1), "0.0");
        assert_eq!(money(Currency::None, 714.286, 2), "714.29");
        assert_eq!(money(Currency::Yuan, 12_232.14, 2), "¥12,232.14");
        assert_eq!(money(Currency::Euro, -5.0, 2), "-€5.00");
        for c in Currency::ALL {
            assert_eq!(Currency::from_code(c.code()), Some(c));
        }
        assert_eq!(Currency::from_code("XYZ"), None);
    }
}
